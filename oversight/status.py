"""Moved to `reporting.status` (pure, no database), so apps before oversight — `funds`' 拨付率
and 支出率 milestones — give the same lights and warnings as targets. Re-exported here so
oversight's many `from oversight import status as st` keep reading one vocabulary."""

from reporting.status import *  # noqa: F401,F403

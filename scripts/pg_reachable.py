"""Exit 0 when the PostgreSQL server in the given URL accepts a connection.

Prints why not otherwise, so `make test` can say what was skipped and why.
"""

import sys

import dj_database_url
import psycopg


def main(url: str) -> int:
    config = dj_database_url.parse(url)
    try:
        psycopg.connect(
            host=config["HOST"] or None, port=config["PORT"] or None, user=config["USER"] or None,
            password=config["PASSWORD"] or None, dbname=config["NAME"], connect_timeout=5,
        ).close()
    except psycopg.Error as exc:
        print(f"无法连接 PostgreSQL：{exc}".strip(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

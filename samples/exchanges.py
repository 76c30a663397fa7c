"""Sample exchanges for `make run` (load_sample_data, the last step) on the sample registry's pairings:
南街街道–开城镇 twice (the rule met), 温泉街道–三营镇 once (not yet), 鼓楼区's leaders to 原州区.
Dates, leaders and topics are made up. Safe to run again: matched by pairing and date."""

import datetime

from django.db import transaction

from exchanges.models import Exchange
from history.records import acting
from orgs.models import Pairing

D = datetime.date
# (helper, helped, date, direction, leader, post, principal, size, topic)
EXCHANGES = [
    ("南街街道", "开城镇", D(2026, 4, 16), "to_helped", "陈明", "南街街道党工委书记", True, 6, "产业帮扶和劳务协作对接"),
    ("南街街道", "开城镇", D(2026, 9, 22), "to_helper", "马振国", "开城镇镇长", True, 5, "考察社区治理和消费帮扶"),
    ("温泉街道", "三营镇", D(2026, 5, 20), "to_helped", "林峰", "温泉街道办事处主任", True, 4, "村企结对和就业帮扶"),
    ("鼓楼区", "原州区", D(2026, 6, 11), "to_helped", "郑国平", "鼓楼区委书记", True, 12, "党政联席会议"),
]


def load_sample_exchanges(today: datetime.date) -> int:
    made = 0
    with transaction.atomic(), acting(None, "样例数据"):
        for helper, helped, day, direction, leader, post, principal, size, topic in EXCHANGES:
            pairing = Pairing.objects.filter(helper__name=helper, helped__name=helped).first()
            if pairing is None or day > today:
                continue
            _, created = Exchange.objects.get_or_create(
                pairing=pairing, date=day,
                defaults=dict(direction=direction, leader_name=leader, leader_post=post, is_principal=principal,
                              delegation_size=size, topic=topic, recorded_by=pairing.helper))
            made += created
    return made

#!/usr/bin/env python
"""How fast the oversight figures are at national scale, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/xiezuo_bench \\
        .venv/bin/python scripts/bench_oversight.py [--scale 1.0] [--repeat 20] [--reuse]

Generates a country's paired-assistance work straight into PostgreSQL with
COPY, then times what a leader waits for: a county dashboard, a city
dashboard and a city bulletin (p50 / p95 / max, warm-up excluded). Results
go into docs/benchmarks.md by hand.

The shape: helper provinces → cities (8 or 9 counties each) → counties →
towns. Every helper county has ~300 units (departments, towns and streets,
enterprises, working groups, hospitals, schools, a group unit of its towns)
and its office (县乡村振兴局) keeps one plan a year for five years: 120 tasks,
each a total broken down among units (1 metric × 10 units or 2 metrics × 4
units), with lead and partner assignments, a schedule, monthly cycles, a
report per unit × task × month (mostly approved; the last two months still
being reported) and cumulative, non-decreasing figures. Each city office keeps
its own yearly plan whose tasks are broken down among its counties, and the
county plans implement it. Helped (western) counties are registered with a
lead and a partner helper county.

`--scale` changes how many counties there are (340 at 1.0, never fewer than
one city of 9), never how dense one county is: a county dashboard reads one
county's data, the same at any scale. Per county: ~300 units, 600 tasks,
~6,300 targets, ~69,000 figures, ~53,000 reports.

The database named by DATABASE_URL (default xiezuo_bench) is dropped and
recreated, migrated with manage.py migrate, then loaded with foreign keys,
unique constraints and secondary indexes dropped and recreated afterwards
(so PostgreSQL validates them once, over the whole table), then VACUUM ANALYZEd.
Its name must contain "bench". `--reuse` skips generation when the database
already holds data generated with the same parameters.
"""

import argparse
import datetime
import math
import os
import random
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/xiezuo_bench"
TZ = "Asia/Shanghai"

# -- the shape of the country --------------------------------------------------------------------

HELPER_COUNTIES = 340  # at scale 1.0: ~340 helper counties in 10 provinces
CITIES_PER_PROVINCE = 4
COUNTY_NAME_CHARS = "安宁平和康泰兴隆丰盛永福金玉青云白石清溪长乐新华桃源龙泉凤凰双峰鹤山松柏梅兰竹菊"
COUNTY_NAME_SECOND = "阳江州城川林湖田岭原口桥浦塘溪坪冈陵门屿"
TOWN_NAMES = "东西南北中上下前后新老大小高双三五七九"
TOWN_SECOND = "坪桥湾塘岭村港埔洋厝"
PROVINCES = ["海东", "江南", "闽越", "浙海", "苏淮", "鲁东", "粤华", "京畿", "津沽", "沪滨", "冀北", "辽东",
             "吉中", "皖江", "赣南", "湘西", "鄂中", "豫中", "晋中", "陕南"]
WEST_PROVINCES = ["陇原", "宁夏川", "青海湖", "黔山", "滇池", "桂西", "川西", "藏南"]
DEPARTMENTS = [
    ("县委办", "department"), ("县政府办", "department"), ("县委组织部", "department"), ("县委宣传部", "department"),
    ("县委统战部", "department"), ("县发改局", "department"), ("县教育局", "department"), ("县科技局", "department"),
    ("县工信局", "department"), ("县民政局", "department"), ("县财政局", "department"), ("县人社局", "department"),
    ("县自然资源局", "department"), ("县生态环境局", "department"), ("县住建局", "department"),
    ("县交通运输局", "department"), ("县水利局", "department"), ("县农业农村局", "department"),
    ("县商务局", "department"), ("县文旅局", "department"), ("县卫健局", "department"),
    ("县退役军人局", "department"), ("县应急局", "department"), ("县审计局", "department"),
    ("县国资办", "department"), ("县市场监管局", "department"), ("县体育局", "department"),
    ("县统计局", "department"), ("县医保局", "department"), ("县林业局", "department"),
    ("县城管局", "department"), ("县行政审批局", "department"), ("县数据局", "department"),
    ("县信访局", "department"), ("县税务局", "department"), ("县融媒体中心", "department"),
    ("县供销社", "department"), ("县金融办", "department"), ("县机关事务局", "department"),
    ("县总工会", "mass_organization"), ("团县委", "mass_organization"), ("县妇联", "mass_organization"),
    ("县科协", "mass_organization"), ("县工商联", "mass_organization"), ("县残联", "mass_organization"),
    ("县红十字会", "mass_organization"), ("县供电公司", "enterprise"), ("县农商行", "enterprise"),
    ("县农业银行", "enterprise"), ("县工商银行", "enterprise"), ("县建设银行", "enterprise"),
    ("县中国银行", "enterprise"), ("县邮储银行", "enterprise"), ("县邮政公司", "enterprise"),
    ("县电信公司", "enterprise"), ("县移动公司", "enterprise"), ("县城投集团", "enterprise"),
    ("县文旅集团", "enterprise"), ("县交投集团", "enterprise"),
]
HOSPITALS_SCHOOLS = [("县人民医院", "hospital"), ("县中医院", "hospital"), ("县妇幼保健院", "hospital"),
                     ("县疾控中心", "hospital"), ("县第二人民医院", "hospital")] + [
                    (f"县第{n}中学", "school") for n in "一二三四五六七八"] + [("县职业中专", "school"), ("县实验小学", "school")]
INDUSTRIES = ["农业发展", "食品", "茶业", "电子", "纺织", "物流", "建材", "生物科技", "文化旅游", "电商", "机械", "医药"]
CATEGORIES = ["组织领导", "资金支持", "人才交流", "产业合作", "劳务协作", "消费帮扶", "社会参与", "数字赋能"]
MONEY = ["社会帮扶资金", "消费帮扶销售额", "财政援助资金", "引导企业实际投资额"]
PEOPLE = ["选派专业技术人才", "培训乡村振兴干部", "帮助农村劳动力就业", "组织劳务输出"]
COUNTS = [("共建产业园区", "个"), ("结对帮扶村", "个"), ("引进企业", "家")]
PROGRESS = ["按计划推进，累计完成情况见填报数据。", "已组织对接活动，资金和项目正在落实。",
            "本月完成阶段任务，佐证材料已上传。", "正在推进，部分项目待验收。"]
CITY_DEPARTMENTS = ["市发改委", "市教育局", "市财政局", "市人社局", "市农业农村局", "市商务局", "市卫健委", "市文旅局",
                    "市工信局", "市国资委", "市总工会", "市妇联", "团市委", "市工商联", "市科技局", "市民政局",
                    "市住建局", "市交通运输局", "市水利局", "市市场监管局"]


@dataclass(frozen=True)
class Shape:
    """How much to generate. The defaults are one realistic county; `counties` is what scale changes."""

    counties: int = HELPER_COUNTIES
    today: datetime.date = datetime.date(2026, 11, 30)
    years: int = 5
    tasks_per_year: int = 120
    city_tasks_per_year: int = 40
    enterprises: int = 190
    towns: int = 15
    working_groups: int = 10
    departments: int = len(DEPARTMENTS)
    hospitals_schools: int = len(HOSPITALS_SCHOOLS)
    city_departments: int = len(CITY_DEPARTMENTS)

    @classmethod
    def smoke(cls, today: datetime.date) -> "Shape":
        """Two counties of one city, two years, a handful of tasks: every kind of row, a second's
        work — what the tests generate to keep the scripts from rotting."""
        return cls(counties=2, today=today, years=2, tasks_per_year=6, city_tasks_per_year=3, enterprises=6,
                   towns=3, working_groups=1, departments=8, hospitals_schools=2, city_departments=3)

    @classmethod
    def for_scale(cls, scale: float, today: datetime.date) -> "Shape":
        return cls(counties=max(9, round(HELPER_COUNTIES * scale)), today=today)

    @property
    def cities(self) -> list[int]:
        """Counties per city, 9 and 8 alternating (8.5 on average, as in the east)."""
        sizes, left = [], self.counties
        while left > 0:
            size = min(left, 9 if len(sizes) % 2 == 0 else 8)
            sizes.append(size)
            left -= size
        return sizes

    @property
    def first_year(self) -> int:
        return self.today.year - self.years + 1

    def describe(self) -> str:
        cities = self.cities
        provinces = math.ceil(len(cities) / CITIES_PER_PROVINCE)
        return (f"{self.counties} helper counties in {len(cities)} cities and {provinces} provinces, "
                f"{self.years} years ({self.first_year}–{self.today.year}, up to {self.today:%Y-%m}), "
                f"{self.tasks_per_year} tasks a year per county")


# -- COPY ----------------------------------------------------------------------------------------

COLUMNS = {
    "orgs_region": "id name level code parent_id",
    "orgs_unit": "id name full_name kind is_group is_active parent_id region_id contact_person contact_phone",
    "orgs_groupmembership": "id position group_id member_id",
    "orgs_pairing": "id level programme role start_year end_year note helped_id helper_id",
    "accounts_user": ("id password last_login is_superuser username first_name last_name email is_staff is_active "
                      "date_joined name phone unit_id"),
    "accounts_user_groups": "id user_id group_id",
    "plans_plan": ("id title doc_number issuer issued_on year end_year kind \"references\" source_file created_at "
                   "updated_at office_id parent_id statements state"),
    "plans_task": ("id source_location source_text list_name ref position category text measures deadline "
                   "deadline_text optional score evidence_required plan_id upper_task_id archived"),
    "plans_assignment": "id role printed_name position unit_id task_id",
    "plans_target": ("id source_location source_text metric quantity unit comparator max_quantity per year "
                     "carried_over printed_text assignee_printed position assignee_id parent_id task_id breakdown_reason"),
    "reporting_reportingschedule": "id due_day starts_on active plan_id evidence_policy skipped_months",
    "reporting_reportingcycle": "id label period_start period_end due_on plan_id",
    "reporting_progressreport": ("id status progress problems next_steps submitted_at submitted_late reviewed_at "
                                 "review_comment version reviewed_by_id submitted_by_id task_id unit_id cycle_id"),
    "reporting_reportedfigure": "id cumulative_value report_id target_id warnings explanation",
}
TABLES = list(COLUMNS)
N = r"\N"  # NULL in COPY's text format
FLUSH_ROWS = 200_000


class Loader:
    """Rows as COPY text lines, buffered per table; ids handed out from each table's max(id) + 1."""

    def __init__(self, conn):
        self.conn = conn
        self.buffers = {table: [] for table in TABLES}
        self.counts = {table: 0 for table in TABLES}
        self.next_id = {}
        with conn.cursor() as cur:
            for table in TABLES:
                cur.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")
                self.next_id[table] = cur.fetchone()[0]

    def add(self, table: str, *values) -> int:
        pk = self.next_id[table]
        self.next_id[table] = pk + 1
        buffer = self.buffers[table]
        buffer.append("\t".join([str(pk), *values]))
        if len(buffer) >= FLUSH_ROWS:
            self.flush(table)
        return pk

    def flush(self, table: str | None = None) -> None:
        for name in [table] if table else TABLES:
            rows = self.buffers[name]
            if not rows:
                continue
            with self.conn.cursor() as cur, cur.copy(f"COPY {name} ({', '.join(COLUMNS[name].split())}) FROM STDIN") as copy:
                copy.write("\n".join(rows) + "\n")
            self.counts[name] += len(rows)
            rows.clear()

    def restart_sequences(self) -> None:
        with self.conn.cursor() as cur:
            for table in TABLES:
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 1)) FROM {table}")


def drop_keys(conn, tables=TABLES) -> list[str]:
    """Drop foreign keys, unique constraints and secondary indexes (not primary keys, not checks)
    of these tables; return the statements that put them back. Loading without them and
    building each once afterwards is several times faster, and PostgreSQL still checks
    every row when they are added back."""
    restore_indexes, restore_keys, drops = [], [], []
    with conn.cursor() as cur:
        cur.execute("""
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.contype
            FROM pg_constraint c WHERE c.conrelid::regclass::text = ANY(%s) AND c.contype IN ('f', 'u')
            ORDER BY c.contype, c.conname""", [list(tables)])
        for table, name, definition, kind in cur.fetchall():
            drops.append((0 if kind == "f" else 1, f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'))
            (restore_keys if kind == "f" else restore_indexes).append(
                f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        cur.execute("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
            WHERE i.indrelid::regclass::text = ANY(%s) AND NOT EXISTS (
                SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid
                AND c.contype IN ('p', 'u', 'x'))
            ORDER BY 1""", [list(tables)])
        for name, definition in cur.fetchall():
            drops.append((2, f"DROP INDEX {name}"))
            restore_indexes.append(definition)
        for _, statement in sorted(drops, key=lambda d: d[0]):
            cur.execute(statement)
    return restore_indexes + restore_keys


def restore_keys(conn, statements: list[str]) -> None:
    with conn.cursor() as cur:
        for statement in statements:
            cur.execute(statement)


# -- values --------------------------------------------------------------------------------------

def money(cents: int) -> str:
    """Hundredths as an exact decimal string: 12345 → "123.45" (no float anywhere)."""
    return f"{cents // 100}.{cents % 100:02d}"


def _name_pool(first: str, second: str, suffixes: str, rng: random.Random) -> list[str]:
    names = [a + b + s for s in suffixes for a in first for b in second]
    rng.shuffle(names)
    return names


@dataclass
class Reporter:
    """One unit reporting on one task: which targets, at what pace."""

    task_id: int
    unit_id: int
    user_id: int
    # (target id, total in hundredths, ‰ of the total reached by December, smallest step: 1 for 万元, 100 for people)
    targets: list[tuple[int, int, int, int]]


@dataclass
class Office:
    """A county's or a city's collaboration office, the plans it keeps and who works on them."""

    rng: random.Random
    name: str
    region: int
    gov: int  # the 党委政府 unit, named after the region
    office: int  # the unit that keeps the plans (乡村振兴局)
    reviewer: int
    units: list[tuple[int, str, str]] = field(default_factory=list)  # (id, kind, name)
    users: dict[int, int] = field(default_factory=dict)  # unit → its reporter
    counties: list["Office"] = field(default_factory=list)  # a city's
    plan: int = 0  # this year's
    tasks: list[int] = field(default_factory=list)  # this year's, in order
    reporters: list[Reporter] = field(default_factory=list)  # this year's


class Generator:
    def __init__(self, conn, shape: Shape, seed: int):
        self.load = Loader(conn)
        self.shape = shape
        self.seed = seed
        self.now = f"{shape.today:%Y-%m-%d} 09:00:00+08"
        with conn.cursor() as cur:
            cur.execute("SELECT name, id FROM auth_group")
            self.groups = dict(cur.fetchall())
        rng = random.Random(f"{seed}-names")
        self.county_names = _name_pool(COUNTY_NAME_CHARS, COUNTY_NAME_SECOND, "县区", rng)
        self.city_names = _name_pool(COUNTY_NAME_SECOND, COUNTY_NAME_CHARS, "市", rng)
        self.cities: list[Office] = []

    def generate(self, log=lambda text: None) -> dict[str, int]:
        start = time.perf_counter()
        self.registry()
        for year in range(self.shape.first_year, self.shape.today.year + 1):
            for city in self.cities:
                self.city_plan(city, year)
                for county in city.counties:
                    self.county_plan(county, city, year)
            self.cycles_and_reports(year)
            self.load.flush()
            log(f"{year}: {self.load.counts['reporting_reportedfigure']:,} figures so far, "
                f"{time.perf_counter() - start:.0f} s")
        return dict(self.load.counts)

    # -- the registry

    def region(self, name: str, level: int, parent: int | None) -> int:
        return self.load.add("orgs_region", name, str(level), "", N if parent is None else str(parent))

    def unit(self, name: str, kind: str, region: int, parent: int | None = None, group: bool = False) -> int:
        return self.load.add("orgs_unit", name, "", kind, "t" if group else "f", "t",
                             N if parent is None else str(parent), str(region), "", "")

    def user(self, username: str, unit: int, role: str) -> int:
        # "!" starts an unusable password: the benchmark logs in with force_login.
        pk = self.load.add("accounts_user", "!bench", N, "f", username, "", "", "", "f", "t", self.now, username, "",
                           str(unit))
        self.load.add("accounts_user_groups", str(pk), str(self.groups[role]))
        return pk

    def office(self, rng, name: str, level: int, parent_region: int, office_name: str) -> Office:
        region = self.region(name, level, parent_region)
        gov = self.unit(name, "party_government", region)
        office = self.unit(office_name, "department", region, gov)
        self.user(f"bench_leader_{region}", gov, "领导")
        self.user(f"bench_office_{region}", office, "管理员")
        reviewer = self.user(f"bench_reviewer_{region}", office, "审核员")
        return Office(rng, name, region, gov, office, reviewer)

    def registry(self) -> None:
        county_no = 0
        sizes = self.shape.cities
        helper_govs = []
        for province_no in range(math.ceil(len(sizes) / CITIES_PER_PROVINCE)):
            suffix = "" if province_no < len(PROVINCES) else str(province_no)
            province = self.region(f"{PROVINCES[province_no % len(PROVINCES)]}{suffix}省", 1, None)
            for size in sizes[province_no * CITIES_PER_PROVINCE:(province_no + 1) * CITIES_PER_PROVINCE]:
                city = self.city(province, len(self.cities))
                for _ in range(size):
                    city.counties.append(self.county(city.region, county_no))
                    helper_govs.append(city.counties[-1].gov)
                    county_no += 1
                self.cities.append(city)
        self.helped(helper_govs)

    def city(self, province: int, number: int) -> Office:
        city = self.office(random.Random(f"{self.seed}-city-{number}"), self.city_names[number], 2, province, "市乡村振兴局")
        for name in CITY_DEPARTMENTS[:self.shape.city_departments]:
            kind = "mass_organization" if name.startswith(("市总", "市妇", "团", "市工商")) else "department"
            pk = self.unit(name, kind, city.region, city.gov)
            city.units.append((pk, kind, name))
            city.users[pk] = self.user(f"bench_r{pk}", pk, "填报员")
        return city

    def county(self, city_region: int, number: int) -> Office:
        """A helper county: its towns and ~300 units, and the people who work on its plans."""
        shape = self.shape
        rng = random.Random(f"{self.seed}-county-{number}")
        county = self.office(rng, self.county_names[number], 3, city_region, "县乡村振兴局")
        region, gov = county.region, county.gov
        named = list(DEPARTMENTS[:shape.departments])
        town_names = _name_pool(TOWN_NAMES, TOWN_SECOND, "镇", rng)
        towns = []
        for k in range(shape.towns):
            name = town_names[k][:-1] + ("街道" if k < 3 else "镇")
            towns.append((self.unit(name, "town", self.region(name, 4, region), gov), "town", name))
        group = self.unit(f"{len(towns)}镇街", "town", region, gov, group=True)
        for position, (town, _, _) in enumerate(towns):
            self.load.add("orgs_groupmembership", str(position), str(group), str(town))
        firms = _name_pool(COUNTY_NAME_CHARS, COUNTY_NAME_SECOND, "公", rng)
        named += [(f"{firms[k][:2]}{INDUSTRIES[k % len(INDUSTRIES)]}有限公司", "enterprise") for k in range(shape.enterprises)]
        named += [(f"驻村第{k + 1}工作组", "working_group") for k in range(shape.working_groups)]
        named += HOSPITALS_SCHOOLS[:shape.hospitals_schools]
        county.units = [(self.unit(name, kind, region, None if kind == "enterprise" else gov), kind, name)
                        for name, kind in named] + towns
        county.users = {pk: self.user(f"bench_r{pk}", pk, "填报员") for pk, _, _ in county.units}
        county.users[gov] = self.user(f"bench_r{gov}", gov, "填报员")  # the county reports on the city's plan
        return county

    def helped(self, helper_govs: list[int]) -> None:
        """The western counties the helpers are paired with: a lead and a partner helper each."""
        per_city, per_province = 10, 4
        rng = random.Random(f"{self.seed}-west")
        names = _name_pool(COUNTY_NAME_SECOND, COUNTY_NAME_CHARS, "旗县", rng)
        city_names = _name_pool(COUNTY_NAME_SECOND, COUNTY_NAME_CHARS, "州", rng)
        govs = []
        for k in range(math.ceil(len(helper_govs) / 2)):
            if k % (per_city * per_province) == 0:
                number = k // (per_city * per_province)
                suffix = "" if number < len(WEST_PROVINCES) else str(number)
                province = self.region(f"{WEST_PROVINCES[number % len(WEST_PROVINCES)]}{suffix}省", 1, None)
            if k % per_city == 0:
                city_name = city_names[k // per_city]
                city = self.region(city_name, 2, province)
                self.unit(city_name, "party_government", city)
            govs.append(self.unit(names[k], "party_government", self.region(names[k], 3, city)))
        for k, helper in enumerate(helper_govs):
            self.load.add("orgs_pairing", "county", "east_west", "lead" if k % 2 == 0 else "partner",
                          str(self.shape.first_year - 1), N, "", str(govs[k // 2]), str(helper))

    # -- plans

    def plan(self, office: Office, year: int, parent: int | None) -> None:
        pk = self.load.add("plans_plan", f"{office.name}{year}年东西部协作工作任务分工方案",
                           f"{office.name}振兴办〔{year}〕1号", f"{office.name}乡村振兴领导小组办公室",
                           f"{year}-02-15", str(year), N, "east_west", "[]", "", self.now, self.now, str(office.office),
                           N if parent is None else str(parent), "[]", "active")
        self.load.add("reporting_reportingschedule", "25", f"{year}-01-01", "t", str(pk), "none", "[]")
        office.plan, office.tasks, office.reporters = pk, [], []

    def task(self, office: Office, year: int, n: int, how: str, upper: int | None) -> int:
        roll = office.rng.random()
        deadline, deadline_text = ((f"{year}-06-30", "6月底前") if roll < 0.15 else (f"{year}-09-30", "9月底前")
                                   if roll < 0.3 else (f"{year}-12-31", "12月底前"))
        category = CATEGORIES[n % len(CATEGORIES)]
        text = f"围绕{category}工作，{how}，确保按时完成年度目标任务。"
        pk = self.load.add("plans_task", f"附件1 第{n + 1}行", text, "附件1", str(n + 1), str(n + 1), category, text, "",
                           deadline, deadline_text, "f", N, "", str(office.plan), N if upper is None else str(upper), "f")
        office.tasks.append(pk)
        return pk

    @staticmethod
    def metric(rng: random.Random) -> tuple[str, str, int]:
        """A metric, its measure and a total in hundredths (people and counts whole)."""
        roll = rng.random()
        if roll < 0.55:
            return rng.choice(MONEY), "万元", rng.randrange(50_00, 5_000_00)
        if roll < 0.85:
            return rng.choice(PEOPLE), "人", rng.randrange(20, 600) * 100
        name, measure = rng.choice(COUNTS)
        return name, measure, rng.randrange(20, 80) * 100

    def breakdown(self, task: int, metric: str, measure: str, total: int, assignees: list[tuple[int, str]],
                  rng: random.Random) -> tuple[int, list[tuple[int, int, int]]]:
        """A total and its parts, one per assignee. Parts add up to the total, except one
        breakdown in ten that leaves a remainder unassigned (未分配), as real ones do."""
        step = 1 if measure == "万元" else 100
        root = self.load.add("plans_target", "附件1", "", metric, money(total), measure, ">=", N, "", N, N,
                             f"不低于{money(total).removesuffix('.00')}{measure}", "", "0", N, N, str(task), "")
        share = total // len(assignees) // step * step
        assigned = share * len(assignees) if rng.random() < 0.1 else total
        parts = []
        for position, (unit, name) in enumerate(assignees, start=1):
            quantity = share if position < len(assignees) else assigned - share * (len(assignees) - 1)
            pk = self.load.add("plans_target", "附件1", "", metric, money(quantity), measure, ">=", N, "", N, N,
                               money(quantity).removesuffix(".00") + measure, name, str(position), str(unit),
                               str(root), str(task), "")
            parts.append((pk, quantity, unit))
        return root, parts

    def city_plan(self, city: Office, year: int) -> None:
        """The city's plan: each task's total broken down among its counties, who report their share."""
        rng, add = city.rng, self.load.add
        self.plan(city, year, None)
        leads = [(pk, city.users[pk]) for pk, _, _ in city.units]
        for n in range(self.shape.city_tasks_per_year):
            task = self.task(city, year, n, "分解到各县（市、区）落实", None)
            lead, lead_user = rng.choice(leads)
            metric, measure, total = self.metric(rng)
            step = 1 if measure == "万元" else 100
            root, parts = self.breakdown(task, metric, measure, total * len(city.counties),
                                         [(c.gov, c.name) for c in city.counties], rng)
            add("plans_assignment", "lead", "", "0", str(lead), str(task))
            for position, county in enumerate(city.counties, start=1):
                add("plans_assignment", "partner", county.name, str(position), str(county.gov), str(task))
            city.reporters.append(Reporter(task, lead, lead_user, [(root, total * len(city.counties),
                                                                    int(1000 * rng.uniform(0.7, 1.2)), step)]))
            for (pk, quantity, gov), county in zip(parts, city.counties):
                city.reporters.append(Reporter(task, gov, county.users[gov],
                                               [(pk, quantity, int(1000 * rng.uniform(0.6, 1.25)), step)]))

    def county_plan(self, county: Office, city: Office, year: int) -> None:
        """The county's plan implementing the city's: each task's total (or two) broken down among
        4 or 10 units; the lead unit reports its own share, or the totals when it has none."""
        rng, add = county.rng, self.load.add
        self.plan(county, year, city.plan)
        units = county.units
        names = {pk: name for pk, _, name in units}
        leads = [pk for pk, kind, _ in units if kind in ("department", "mass_organization")]
        pace = {pk: rng.uniform(0.6, 1.15) for pk, _, _ in units}  # some units lag all year
        for n in range(self.shape.tasks_per_year):
            task = self.task(county, year, n, "按分解指标落实", city.tasks[n] if n < len(city.tasks) else None)
            lead = rng.choice(leads)
            two = rng.random() < 0.5
            parties = [pk for pk, _, _ in rng.sample(units, 4 if two else 10)]
            if rng.random() < 0.4 and lead not in parties:
                parties[-1] = lead
            own: dict[int, list] = {pk: [] for pk in parties}
            totals = []
            for _ in range(2 if two else 1):
                metric, measure, total = self.metric(rng)
                step = 1 if measure == "万元" else 100
                root, parts = self.breakdown(task, metric, measure, total, [(pk, names[pk]) for pk in parties], rng)
                totals.append((root, total, step))
                for pk, quantity, unit in parts:
                    own[unit].append((pk, quantity, step))
            add("plans_assignment", "lead", names[lead], "0", str(lead), str(task))
            for position, pk in enumerate(parties, start=1):
                if pk != lead:
                    add("plans_assignment", "partner", names[pk], str(position), str(pk), str(task))
            own.setdefault(lead, totals)  # a lead without a share of its own reports the totals
            for pk, targets in own.items():
                county.reporters.append(Reporter(task, pk, county.users[pk], [
                    (target, total, int(1000 * pace[pk] * rng.uniform(0.85, 1.2)), step)
                    for target, total, step in targets]))

    # -- reporting

    def cycles_and_reports(self, year: int) -> None:
        """Month by month for every office at once, as cycles open in real life, so one
        county's reports lie spread over the table as they would after five years' use."""
        today = self.shape.today
        for month in range(1, (12 if year < today.year else today.month) + 1):
            start = datetime.date(year, month, 1)
            end = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
            due = start.replace(day=25)
            age = (today.year - year) * 12 + today.month - month  # 0: this month, 1: last month
            for city in self.cities:
                for office in [city, *city.counties]:
                    cycle = self.load.add("reporting_reportingcycle", f"{year}年{month}月", str(start), str(end),
                                          str(due), str(office.plan))
                    self.reports(office, cycle, month, due, age)

    def reports(self, office: Office, cycle: int, month: int, due: datetime.date, age: int) -> None:
        rng, add = office.rng, self.load.add
        # Cumulative thresholds: approved, submitted, returned; above them pending (nothing entered).
        approved, submitted, returned = ((0.45, 0.75, 0.80) if age == 0 else (0.85, 0.97, 0.985) if age == 1
                                         else (0.975, 0.985, 0.99))
        reviewer, cycle_s = str(office.reviewer), str(cycle)
        for reporter in office.reporters:
            roll = rng.random()
            task_s, unit_s = str(reporter.task_id), str(reporter.unit_id)
            if roll >= returned:
                add("reporting_progressreport", "pending", "", "", "", N, "f", N, "", "0", N, N, task_s, unit_s, cycle_s)
                continue
            late = rng.random() < 0.1
            day = due + datetime.timedelta(days=1 + int(rng.random() * 3) if late else -int(rng.random() * 10))
            status = "approved" if roll < approved else "submitted" if roll < submitted else "returned"
            report = add("reporting_progressreport", status, PROGRESS[int(roll * 10000) % len(PROGRESS)], "",
                         "继续按计划推进。", f"{day} 10:00:00+08", "t" if late else "f",
                         N if status == "submitted" else f"{day + datetime.timedelta(days=2)} 16:00:00+08",
                         "佐证材料不全，请补充后重新提交。" if status == "returned" else "", "1",
                         N if status == "submitted" else reviewer, str(reporter.user_id), task_s, unit_s, cycle_s)
            report_s = str(report)
            for target, total, pace, step in reporter.targets:
                # pace‰ of the total by December, reached month by month with a little noise
                # (< one month's share), so a month is never lower than the one before.
                progress = min(pace * (month * 1000 + (target * 7919 + month * 104729) % 900) // 12_000, 1600)
                add("reporting_reportedfigure", money(total * progress // 1000 // step * step), report_s, str(target), "[]", "")


def generate(conn, shape: Shape, seed: int = 1, log=lambda text: None) -> dict[str, int]:
    """Generate the data into `conn` (a psycopg 3 connection to a migrated database; the
    caller commits). Keys are dropped while loading and put back, so PostgreSQL checks
    every foreign key and unique constraint once, at the end. Returns rows per table."""
    start = time.perf_counter()
    statements = drop_keys(conn)
    generator = Generator(conn, shape, seed)
    counts = generator.generate(log)
    generator.load.restart_sequences()
    log(f"loaded in {time.perf_counter() - start:.0f} s; building indexes and checking keys")
    start = time.perf_counter()
    restore_keys(conn, statements)
    log(f"indexes and keys in {time.perf_counter() - start:.0f} s")
    return counts


# -- the database --------------------------------------------------------------------------------

def database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith("postgres") else DEFAULT_URL


def _database(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def _maintenance(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def description(shape: Shape, seed: int) -> str:
    return f"bench_oversight seed={seed} counties={shape.counties} today={shape.today} tasks={shape.tasks_per_year}"


def existing_description(url: str) -> str | None:
    import psycopg

    with psycopg.connect(_maintenance(url), autocommit=True) as conn:
        row = conn.execute("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                           [_database(url)]).fetchone()
    return row[0] if row else None


def recreate(url: str) -> None:
    """Drop and create the database (idempotent: a failed run is simply run again), then migrate."""
    import psycopg
    from psycopg import sql

    name = _database(url)
    with psycopg.connect(_maintenance(url), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"], cwd=ROOT, check=True,
                   env={**os.environ, "DATABASE_URL": url})


def load(url: str, shape: Shape, seed: int) -> None:
    import psycopg
    from psycopg import sql

    started = time.perf_counter()
    recreate(url)
    print(f"created and migrated {_database(url)} in {time.perf_counter() - started:.0f} s")
    with psycopg.connect(url) as conn:
        conn.execute("SET maintenance_work_mem = '1GB'")
        counts = generate(conn, shape, seed, log=lambda text: print(f"  {text}", flush=True))
        conn.execute(sql.SQL("COMMENT ON DATABASE {} IS {}").format(sql.Identifier(_database(url)),
                                                                  sql.Literal(description(shape, seed))))
        conn.commit()
    step = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        # What autovacuum would have done long ago in a database five years old: statistics,
        # hint bits and the visibility map (index-only scans).
        conn.execute("VACUUM (ANALYZE)")
    print(f"  VACUUM ANALYZE in {time.perf_counter() - step:.0f} s")
    print(f"generated in {(time.perf_counter() - started) / 60:.1f} min:")
    for table, count in counts.items():
        print(f"  {table:<30} {count:>12,}")


def report_size(url: str) -> None:
    import psycopg

    with psycopg.connect(url) as conn:
        size = conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))").fetchone()[0]
        rows = conn.execute("""SELECT relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid))
                               FROM pg_stat_user_tables WHERE relname = ANY(%s) ORDER BY relname""",
                            [TABLES]).fetchall()
    print(f"database {_database(url)}: {size}")
    for name, count, total in rows:
        print(f"  {name:<30} {count:>12,} rows {total:>10} with indexes")


# -- measuring -----------------------------------------------------------------------------------

HEADER = f"{'measure':<44} {'runs':>4} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}"


def percentile(values: list[float], share: float) -> float:
    """Nearest rank: the smallest value at least `share` of the runs are at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class Result:
    name: str
    runs: list[float]
    goal_ms: float | None = None
    note: str = ""

    def line(self) -> str:
        p50, p95 = statistics.median(self.runs), percentile(self.runs, 0.95)
        goal = "" if self.goal_ms is None else f"goal p95 < {self.goal_ms:,.0f} ms {'✔' if p95 < self.goal_ms else '✘'}"
        return (f"{self.name:<44} {len(self.runs):>4} {p50:>9,.0f} {p95:>9,.0f} {max(self.runs):>9,.0f}  {goal}"
                f"{'  ' + self.note if self.note else ''}")


def timed(name: str, samples: list, run, warmup: int, goal_ms: float | None = None, prepare=lambda s: s) -> Result:
    """Run once per sample, timing `run(prepare(sample))` without `prepare`; the first
    `warmup` runs are not counted."""
    runs = []
    for number, sample in enumerate(samples):
        argument = prepare(sample)
        start = time.perf_counter()
        run(argument)
        elapsed = (time.perf_counter() - start) * 1000
        if number >= warmup:
            runs.append(elapsed)
    result = Result(name, runs, goal_ms)
    print(result.line(), flush=True)
    return result


def measure(url: str, repeat: int, city_repeat: int, warmup: int, seed: int, all_years: bool = False) -> list[Result]:
    import tempfile

    os.environ.update(DATABASE_URL=url, DEBUG="False", ALLOWED_HOSTS="testserver",
                      MEDIA_ROOT=tempfile.mkdtemp(prefix="xiezuo-bench-media-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezuo.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from accounts.models import User
    from orgs.models import Region
    from oversight.access import scope_for
    from oversight.snapshot import build_snapshot
    from reporting.models import ReportedFigure

    today = timezone.localdate()  # what the dashboard view uses
    # As xiezuo/wsgi.py does in a server process once the application is loaded.
    import gc

    gc.freeze()
    rng = random.Random(seed)
    kept = Region.objects.filter(units__plans_kept__isnull=False).distinct().order_by("pk")
    counties, cities = list(kept.filter(level=3)), list(kept.filter(level=2))

    def pick(regions, count):
        chosen = rng.sample(regions, min(count, len(regions)))
        return [chosen[k % len(chosen)] for k in range(count)]

    def leader(region):
        return User.objects.get(username=f"bench_leader_{region.pk}")

    def scope_of(region):
        # As the dashboard and bulletin views do: a region's plans running this year
        # (--all-years: every year's, as the dashboard did before 0848b1d).
        return scope_for(leader(region), "region", region.pk, year=None if all_years else today.year)

    def snapshot(scope):
        return build_snapshot(scope.plans, None, today)

    client = Client()

    def login(region):
        client.force_login(leader(region))
        return region

    def page(region):
        response = client.get(f"/oversight/region/{region.pk}/")
        assert response.status_code == 200, f"/oversight/region/{region.pk}/ → {response.status_code}"

    def describe(region):
        scope = scope_of(region)
        with CaptureQueriesContext(connection) as queries:
            snap = build_snapshot(scope.plans, None, today)
        figures = ReportedFigure.objects.filter(report__cycle__plan__in=scope.plans).count()
        return (f"{region.name}: {len(scope.plans)} plans, {len(snap.tasks):,} tasks, {len(snap.statuses):,} targets, "
                f"{figures:,} figures, {len(snap.months)} months, {len(queries)} queries")

    print(f"\nmeasuring on {today} (load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}), "
          f"{warmup} warm-up run(s) not counted, a different county or city each run")
    print("  " + describe(counties[0]))
    print("  " + describe(cities[0]))
    print(HEADER)
    results = [
        timed("county dashboard: build_snapshot", pick(counties, repeat + warmup), snapshot, warmup, 150, scope_of),
        timed("county dashboard: page /oversight/region/…", pick(counties, repeat + warmup), page, warmup, 150, login),
        timed("city dashboard: build_snapshot", pick(cities, city_repeat + warmup), snapshot, warmup, None, scope_of),
        timed("city dashboard: page /oversight/region/…", pick(cities, city_repeat + warmup), page, warmup, None, login),
    ]
    try:
        from oversight.bulletin import bulletin_content, render_bulletin
    except ImportError:
        print("city bulletin: not measured (oversight.bulletin has no bulletin_content/render_bulletin yet)")
    else:
        def bulletin(scope):
            snap = build_snapshot(scope.plans, None, today)
            data = render_bulletin(bulletin_content(snap, scope, number=1, issued_on=today))
            assert data.startswith(b"PK")

        results.append(timed("city bulletin: snapshot + content + .docx", pick(cities, city_repeat + warmup),
                             bulletin, warmup, 5000, scope_of))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="share of the country's 340 helper counties (≥ one city of 9)")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=None,
                        help="last day of the five years generated (default: today in Asia/Shanghai)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per county measure")
    parser.add_argument("--city-repeat", type=int, default=5, help="timed runs per city measure")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--reuse", action="store_true", help="keep the database if it holds the same generation")
    parser.add_argument("--no-measure", action="store_true")
    parser.add_argument("--all-years", action="store_true",
                        help="build_snapshot and the bulletin over every year's plans (the pages read this year's)")
    args = parser.parse_args()

    url = database_url()
    if "bench" not in _database(url):
        parser.error(f"refusing to drop and recreate “{_database(url)}”: use a database whose name contains “bench”")
    if args.today is None:
        from zoneinfo import ZoneInfo

        args.today = datetime.datetime.now(ZoneInfo(TZ)).date()
    shape = Shape.for_scale(args.scale, args.today)
    print(f"scale {args.scale}: {shape.describe()}")
    if args.reuse and existing_description(url) == description(shape, args.seed):
        print(f"reusing {_database(url)} ({description(shape, args.seed)})")
    else:
        load(url, shape, args.seed)
    report_size(url)
    if args.no_measure:
        return 0
    measure(url, args.repeat, args.city_repeat, args.warmup, args.seed, args.all_years)
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

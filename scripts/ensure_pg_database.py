"""Create the PostgreSQL database in the given URL when it does not exist yet (`make serve`).

Connects to the server's `postgres` database to do so; says in Chinese why when it cannot.
"""

import sys

import dj_database_url
import psycopg
from psycopg import sql


def main(url: str) -> int:
    config = dj_database_url.parse(url)
    if not config["ENGINE"].endswith("postgresql"):
        print(f"不是 PostgreSQL 地址：{url}", file=sys.stderr)
        return 1
    params = {"host": config["HOST"] or None, "port": config["PORT"] or None, "user": config["USER"] or None,
              "password": config["PASSWORD"] or None, "connect_timeout": 5}
    try:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as connection:
            if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone():
                return 0
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
            print(f"已创建数据库 {config['NAME']}")
    except psycopg.Error as exc:
        print(f"无法连接 PostgreSQL 或创建数据库 {config['NAME']}：{exc}".strip(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

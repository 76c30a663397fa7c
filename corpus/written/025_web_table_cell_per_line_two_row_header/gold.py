import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import task, tg, write

# Web page whose table (two-row header: 责任单位 over 牵头单位/配合单位) was flattened one cell per line
# in HTML order, so the header reads 序号…责任单位、完成时限、牵头单位、配合单位 while each row reads
# …牵头、配合、时限; a cell holding two units gives two lines; row 8's empty 配合单位 gives none.
# original.txt is the table as printed (the Word version's source). 目标值 + 计量单位 → one target.
# issued_on is the 落款 date 2026-04-17, not the page's 发布时间 (as 012).
NY = "区农业农村局"  # 区农业农村局（区委农办）
write(__file__, {"title": "白沙区2026年东西部协作重点工作任务清单", "issuer": "白沙区农业农村局",
                 "issued_on": "2026-04-17", "year": 2026}, [
    task("1", "与乌江县召开党政联席会议，签订年度协作协议", lead=["区委办"], partner=["区政府办", NY],
         deadline_text="6月底前", deadline="2026-06-30", targets=[tg("党政联席会议", 1, "次")]),
    task("2", "向乌江县拨付区级财政援助资金", lead=["区财政局"], partner=[NY], deadline_text="5月底前",
         deadline="2026-05-31", targets=[tg("区级财政援助资金", 6000, "万元")]),
    task("3", "引导区内企业到乌江县落地投资项目", lead=["区投资促进局"], partner=["区商务局"], deadline_text="12月底前",
         deadline="2026-12-31", targets=[tg("落地投资项目", 8, "个")]),
    task("4", "推动区内企业在乌江县实际到位投资", lead=["区投资促进局"], partner=["区发改局", "区经信局"],
         deadline_text="12月底前", deadline="2026-12-31", targets=[tg("实际到位投资", 40000, "万元")]),
    task("5", "帮助乌江县农村劳动力到白沙区稳定就业", lead=["区人力社保局"], partner=["各街道（镇）", "区总工会"],
         deadline_text="11月底前", deadline="2026-11-30", targets=[tg("到白沙区稳定就业", 1200, "人")]),
    task("6", "采购、帮助销售乌江县农特产品", lead=["区商务局"], partner=["区机关事务管理中心", "区总工会"],
         deadline_text="年底前", deadline="2026-12-31", targets=[tg("采购、帮助销售乌江县农特产品", 30000, "万元")]),
    task("7", "选派专业技术人才赴乌江县帮扶，帮扶时间不少于6个月", lead=["区委组织部"],
         partner=["区教育局", "区卫生健康局"], deadline_text="3月底前", deadline="2026-03-31",
         targets=[tg("选派专业技术人才", 55, "人"), tg("帮扶时间", 6, "个月", ">=")]),
    task("8", "动员区内企业与乌江县脱贫村开展村企结对", lead=["区工商联"], deadline_text="10月底前",
         deadline="2026-10-31", targets=[tg("村企结对", 16, "对")]),
])

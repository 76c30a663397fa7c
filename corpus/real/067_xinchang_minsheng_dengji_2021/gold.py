import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A county's own-site table, cells split by " | ", 项目名称 / 工作任务 / 计划完成时间 / 牵头单位. Only the
# projects are numbered (1.–5.); a project spans several rows (its name merged down), and a row whose
# last two cells were merged twice shows as a short line "2021.8 | 城投集团 | ||" (a second time and
# unit for the row above). One task per numbered project: name → category, its 工作任务 cells joined
# → text, every 牵头单位 once (printed order) → lead, deadline = the latest time printed (NOTES 多个期限).
# Times without a year are 2021's (the table's year); "2021.8" = Aug 2021. 4's cell lists three steps,
# the last "2022年12月底". The page title says 进展情况登记表 but the stored part has no progress column.
def text(*cells):
    return "".join(span(c) for c in cells)
C1 = ["对人民中路等3条城区道路进行综合提升改造;", "对七星路等重点区域进行绿化亮化提档升级;",
      "新建城市口袋公园2处;", "新建停车场3处,新增停车位1000个以上。"]
write(__file__, {"title": "2021年新昌县政府十方面民生实事进展情况登记表", "issuer": "县府办",
                 "issued_on": "2021-05-06", "year": 2021}, [
    task(1, text(*C1), lead=["建设局", "城投集团", "经开区"], category="城市人居环境提升项目",
         deadline_text="2021.12", deadline="2021-12-31", targets=[
             tg("城区道路综合提升改造", 3, "条"), tg("新建城市口袋公园", 2, "处"), tg("新建停车场", 3, "处"),
             tg("新增停车位", 1000, "个", ">=")]),
    task(2, span("持续推进生态公墓建设", "加强对已建公墓管理。"), lead=["民政局", "公共服务集团"],
         category="生态公墓建设项目", deadline_text="10月底", deadline="2021-10-31", targets=[
             tg("新建生态公益性墓地", 15, "处"), tg("新增墓穴", 10000, "穴")]),
    task(3, span("投资5000万元,提升改造低等级公路40公里", "亮化农村公路75公里。"), lead=["交通运输局"],
         category="农村道路改造提升项目", deadline_text="10月", deadline="2021-10-31", targets=[
             tg("提升改造低等级公路投资", 5000, "万元"), tg("提升改造低等级公路", 40, "公里"),
             tg("路面维修等养护工程投资", 4000, "万元"), tg("路面维修等养护工程", 60, "公里"),
             tg("亮化农村公路投资", 2250, "万元"), tg("亮化农村公路", 75, "公里")]),
    task(4, span("建成新昌县农副产品交易物流区域", "完成地下室基础工程。"), lead=["公共服务集团"],
         category="农贸市场综合提升项目", deadline_text="南岩农贸市场计划2022年12月底完成项目建设",
         deadline="2022-12-31"),
    task(5, text("计划投资1067万元,完成22所学校校园空调安装工程(二期);持续推进幼儿园建设,城北幼儿园、天姥幼儿园投入使用,拔茅幼儿园完成主体结顶。",
                 "在50所学校食堂开展校园智能阳光厨房建设,推动校园食品安全智慧共治,实现“整体智治”。"),
         lead=["教体局", "市场监管局"], category="教育设施提升项目", deadline_text="2.2021年12月",
         deadline="2021-12-31", targets=[
             tg("学校校园空调安装工程投资", 1067, "万元"), tg("完成校园空调安装工程的学校", 22, "所"),
             tg("开展校园智能阳光厨房建设的学校食堂", 50, "所")]),
])

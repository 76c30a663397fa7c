import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A town plan reposted on an essay site: the 工作目标 paragraph is the one task, a run of quantities
# with a "其中" breakdown that does not add up (1.78+0.90+0.90+0.11 = 3.69 of "4.2万亩以上").
write(__file__, {"title": "镇秋冬季农业生产实施方案"}, [
    task("二", span("根据县秋冬季农业生产任务指标", "“美丽乡村”创建等工作。"), category="工作目标", targets=[
        tg("秋冬种面积", 4.2, "万亩", ">="), tg("油菜", 1.78, "万亩"), tg("绿肥", 0.90, "万亩"),
        tg("蔬菜", 0.90, "万亩"), tg("马铃薯", 0.11, "万亩"), tg("县级冬种高产示范片", 2, "个", ">="),
        tg("油茶新造林面积", 2600, "亩"), tg("油茶管护抚育面积", 9136.8, "亩"), tg("裸露山地造林", 2002, "亩"),
        tg("历年新一轮退耕还林及荒山补造补遗", 217.3, "亩"), tg("长江防护林补植补造", 1000, "亩"),
        tg("镇道绿化", 5, "公里"), tg("五项强制免疫病种免疫率", 100, "%"), tg("年末存栏牲猪", 6.17, "万头"),
        tg("基础母牛养殖大户", 14, "户", ">="), tg("县级以上示范场", 2, "个"), tg("水利冬修工程", 3, "座"),
        tg("人畜安全饮水工程", 2, "处")]),
])

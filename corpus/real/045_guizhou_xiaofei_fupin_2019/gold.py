import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# 印发通知的标题 + 正文: 一、总体要求 (a direction, not a task) and 二、重点任务 (一) 1. ... with a bare unit
# bracket at the end of the item "(省农业农村厅,各市〔州〕人民政府、贵安新区管委会)": no 牵头 word, so all
# lead. The stored copy ends inside item 2's unit bracket, so the text is cut after item 1.
# Bracketed second units "万亩(次)" "亿棒(万亩)" "万头(只)" stay out of the unit; "500亩以上坝区" and
# "25度以下坡耕地" say where to work, not targets. No date or year is printed.
write(__file__, {"title": "贵州省深入开展消费扶贫助力打赢脱贫攻坚战的实施意见",
                 "issuer": "贵州省人民政府办公厅", "references": ["国办发〔2018〕129号"]}, [
    task("二.一.1", span("加快推进农产品结构化调整。", "2500万头(只)以上。"),
         category="提升消费扶贫产品供给水平和质量",
         lead=["省农业农村厅", "各市〔州〕人民政府", "贵安新区管委会"],
         deadline_text="到2020年", deadline="2020-12-31", targets=[
             tg("蔬菜种植面积", 2000, "万亩", ">="),
             tg("茶园面积", 700, "万亩", ">="),
             tg("食用菌种植", 30, "亿棒", ">="),
             tg("生态家禽年出栏", 2.1, "亿羽", ">="),
             tg("猪牛羊等年出栏", 2500, "万头", ">=")]),
])

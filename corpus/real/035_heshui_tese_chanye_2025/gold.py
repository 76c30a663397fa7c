import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# 一、/（一）/1. levels; (二)重点工作 states the section's figures with a bracketed split
# "2.5万只(新引进0.85万只,自繁1.65万只)" (consistent) and "年内"; its numbered items follow.
# "由所在乡镇…盘活" names the acting unit. (一)发展目标 is a general statement without figures
# (like 指导思想), not a task.
write(__file__, {"title": "合水县2025年优势特色产业发展实施方案", "issued_on": "2025-03-03", "year": 2025}, [
    task("一.二", span("年内新增奶羊2.5万只", "奶羊养殖示范点3个。"), category="奶羊产业",
         deadline_text="年内", deadline="2025-12-31", targets=[
        tg("新增奶羊", 2.5, "万只"), tg("其中新引进", 0.85, "万只"), tg("其中自繁", 1.65, "万只"),
        tg("创建奶羊产业技术服务中心或收奶站", 3, "个"), tg("奶羊养殖示范点", 3, "个")]),
    task("一.二.1", span("新(扩)建养殖户。以标准化", "分散养殖户150户。"), category="奶羊产业", targets=[
        tg("新(扩)建50只以上规模养殖户", 47, "个"), tg("10—50只分散养殖户", 150, "户")]),
    task("一.二.2", span("盘活闲置养殖场。对闲置养殖场", "全力盘活闲置养殖设施。"), category="奶羊产业",
         lead=["所在乡镇"]),
])

import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, task, write
load(Path(__file__).parent / "source.txt")
# A 考评办法 whose extraction lost every digit ("基础分为分", "增长%", the item numbers "、…")
# and garbles each traditional character with its pinyin. Items numbered by position within
# (一)/(二). Scores unreadable → null; "由X考评" names the assessing department, not a
# responsible unit, so no units.
write(__file__, {"title": "XX度乡镇党政主要工作目标管理责任制考评办法"}, [
    task("一.1", span("完成小額信貸資金", "的倒扣基礎(chǔ)分分。"), category="扶貧攻堅和小康建設"),
    task("一.2", span("抓好貧困村基礎(chǔ)設(shè)施建設(shè)", "沒(méi)有貧困村的鄉(xiāng)鎮(zhèn)計(jì)分。"), category="扶貧攻堅和小康建設"),
    task("一.3", span("完成勞務(wù)輸出任務(wù)計(jì)分", "不完成任務(wù)扣分。"), category="扶貧攻堅和小康建設"),
    task("二.1", span("農(nóng)林牧副漁業(yè)總產(chǎn)值", "不完成任務(wù)扣分。"), category="農(nóng)業(yè)和農(nóng)村工作"),
    task("二.2", span("完成“噸糧田”", "每小項(xiàng)不完成任務(wù)扣分。"), category="農(nóng)業(yè)和農(nóng)村工作"),
])

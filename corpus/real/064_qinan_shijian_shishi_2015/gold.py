import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from goldlib import load, span, tg, task, write
load(Path(__file__).parent / "source.txt")
# A county news item (traditional script with pinyin garbles kept as printed): "這十件民生實事分別是:
# A;B;…;J。" — the text announces ten items and the ";"-list has exactly ten, so each is a task, ref by
# position (unlike the unannounced 分号串 of 028/029, kept as one). No units, no deadlines; the news
# date "2月11日" with "2015年" is printed. "名" → 人; "4萬人" keeps 万 in the unit; "31村", "110村" as printed.
def t(n, start, end, targets=()):
    return task(n, span(start, end), targets=targets)
write(__file__, {"title": None, "issued_on": "2015-02-11", "year": 2015}, [
    t(1, "完成秦南路南小河橋", "拓寬改造工程", [tg("秦南路道路拓寬改造", 3.4, "公里")]),
    t(2, "完成城南片區(qū)棚戶區(qū)改造500套", "公共租賃住房634套", [
        tg("城南片區棚戶區改造", 500, "套"), tg("建成公共租賃住房", 634, "套")]),
    t(3, "解決劉坪、中山", "飲水不安全問(wèn)題", [tg("解決飲水不安全問題", 4, "万人")]),
    t(4, "實(shí)施蓮花中小等59所", "4.2萬(wàn)平方米", [
        tg("改善義務教育薄弱學校項目", 59, "所"), tg("改造農村校舍面積", 4.2, "万平方米")]),
    t(5, "建設(shè)農(nóng)村公路500公里", "通暢工程全覆蓋", [tg("建設農村公路", 500, "公里")]),
    t(6, "完成隴城上袁等31村", "整村推進(jìn)項(xiàng)目建設(shè)", [tg("扶貧開發整村推進項目", 31, "村")]),
    t(7, "改造農(nóng)村危舊房2000戶", "改造農(nóng)村危舊房2000戶", [tg("改造農村危舊房", 2000, "户")]),
    t(8, "實(shí)施110村", "硬化村莊巷道50公里", [
        tg("一事一議財政獎補項目", 110, "村"), tg("硬化村莊巷道", 50, "公里")]),
    t(9, "實(shí)施“保護(hù)視力", "免費(fèi)篩查配鏡", [tg("小學生免費篩查配鏡", 4000, "人")]),
    t(10, "全面啟動(dòng)城鄉(xiāng)居民大病保險(xiǎn)工作", "重特大疾病保障水平。"),
])

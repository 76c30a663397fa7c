"""Traditional characters read as their simplified forms, for matching only.

Some documents reach a county in traditional script (a Hong Kong or Taiwan page,
a news site's 繁體 edition: "(市殘聯、市財政局負責)", "將…增至縣均3000萬元").
The importer's cue words are written in simplified script, so it matches on a
folded copy; every folded character stands for exactly one printed one, so a
position in the copy is a position in the text, and what the importer keeps
(task text, unit names) is taken from the printed text, as printed.

Only characters that occur in the cue words, unit suffixes, measure words and
common words of task documents are listed: enough to recognise structure.
"""

_PAIRS = (
    "負负責责牽牵頭头單单時时間间門门協协辦办職职參参與与務务會会聯联區区縣县鎮镇鄉乡團团組组處处隊队館馆廳厅"
    "園园將将確确計计劃划規规達达實实現现發发業业農农村村產产經经濟济貿贸財财稅税醫医衛卫殘残資资源源"
    "勞劳動动保保險险障障環环態态質质監监檢检驗验體体設设備备築筑戶户億亿萬万圓圆個个項项場场總总數数"
    "億亿噸吨畝亩臺台機机關关級级黨党員员幹干導导範范圍围結结對对幫帮扶扶貧贫脫脱攻攻堅坚鄉乡振振興兴"
    "輸输轉转移移崗岗創创開开購购銷销售售價价貨货運运輸输車车飛飞書书記记錄录報报紙纸導导學学師师醫医"
    "療疗護护養养備备應应急急災灾災灾電电網网訊讯數数據据庫库統统籌筹劃划層层應应該该這这為为與与於于"
    "並并從从後后裏里裡里麼么們们來来時时當当點点進进還还過过邊边選选遞递適适遷迁連连週周據据爭争認认"
    "識识議议調调談谈論论證证評评語语請请讀读課课試试詳详諮咨詢询務务積积極极標标準准歷历歲岁歸归於于"
    "廣广東东西西陝陕甘甘寧宁雲云貴贵蘭兰滬沪閩闽贛赣遼辽蘇苏浙浙臨临隴陇蒙蒙內内齊齐魯鲁豐丰順顺陽阳"
    "專专門门業业務务優优勢势質质量量增增長长組组織织領领導导責责任任幫帮帶带區区縣县鎮镇鄉乡"
    "協协議议約约簽签訂订舉举辦办確确責责權权屬属雙双兩两組组團团隊队員员會会議议紀纪綫线線线"
    "區区縣县鎮镇鄉乡鐵铁礦矿漁渔塊块廠厂觀观光光遊游療疗獎奖勵励懲惩罰罚補补貼贴減减稅税費费額额"
    "億亿萬万圓圆歲岁斤斤兩两噸吨畝亩頃顷頭头隻只輛辆條条張张間间臺台座座筆笔冊册屆届國国際际"
)
T2S = {}
for index in range(0, len(_PAIRS) - 1, 2):
    traditional, simplified = _PAIRS[index], _PAIRS[index + 1]
    if traditional != simplified:
        T2S[ord(traditional)] = simplified


def fold(text: str) -> str:
    """`text` with the listed traditional characters in simplified form (same length)."""
    return text.translate(T2S) if text else text


def is_folded(text: str) -> bool:
    return fold(text) == text


def restore(found, folded: str, printed: str):
    """What a reader found in `folded`, given back in `printed`'s characters: strings
    that occur in the folded text are taken from the same place in the printed one;
    tuples and lists are restored item by item; anything else is left as it is."""
    if isinstance(found, str):
        index = folded.find(found) if found else -1
        return printed[index:index + len(found)] if index >= 0 else found
    if isinstance(found, tuple):
        return tuple(restore(item, folded, printed) for item in found)
    if isinstance(found, list):
        return [restore(item, folded, printed) for item in found]
    return found

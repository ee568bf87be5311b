"""The extractor's version: which extraction produced a stored report.

Raise EXTRACTOR_VERSION by one whenever a change makes `process` give another Report for the
same bytes (a new field read, a better table reader, a fixed mapping). Every Report carries it,
the store keeps it with each report and version, and `nianbao reextract` redoes, from the
archived bytes, the reports an older version made.
"""

# 2: figures record their cell (Stat.cell_row, cell_column), and 2008–2018 tables read from the
#    text their table number.
# 3: the spam layer finds swapped names in the site code's label and in a portal's parallel
#    labels, hidden link lists and tail name lists with no lexicon word, and reads full-width
#    acronyms as acronyms: a defaced page's text and findings change.
# 4: the metadata grid above an article (索引号, 发布机构, 文号…), dropped by trafilatura, heads
#    the report text as `|` rows.
# 5: a name written over a link's label or the title's site name is a label_swap, removed or
#    replaced by the word the link tells: a defaced page's title, text and findings change.
# 6: names split by zero-width characters, full-width and coined Latin names, names calling the
#    reader in and names of words foreign to the page in slots, and tail lists of every kind of
#    name: a defaced page's text and findings change.
# 7: a name a slot reads replaces the longer brands holding it, and a letter with digits before a
#    level (w88市) is a name: a defaced page whose name stands mostly in prose gets it back; a
#    set phrase or a Latin name after the title's site name is a label clue; clean pages keep
#    words brand rules cut (短视频, 行政村体育, Win10) and bodies' own names (…街道办事处).
# 8: a menu printed twice says a link's label once, and several odd labels with one clue each
#    are the portal's own: clean pages whose columns carry slogans keep them and their flag; a
#    name written in full-width lower case with digits (ｈｔｈ７７) is a name even once, and a
#    name split by a zero-width character once flags the page; a swapped-in place is no
#    evidence of the page's identity (成都 over 抚顺 no longer recovers 富顺); a word of the
#    language before a division's site code (金色年华标识码：1101150005) is a swap, and so is a
#    set phrase after the title's site name that ends in a place's short name (蓝天白云);
#    labels sharing a policy word (依申请公开指南, 疫情防控专栏, 行政复议决定) keep it, and so do
#    channels named by a government app, a card, a news outlet or a word of today's reports
#    (皖事通, 一卡通, 澎湃新闻); X官方网站 in a channel slot is judged by X (九州官方网站); a
#    label only its slug doubts is cut from labels, not from sentences; policy and platform
#    words of 2019–2024 (微博, 融媒, 碳达峰, 桐乡发布, 微绵阳, DRG专栏, 真人真事, 交管12123) are
#    the report's own.
# 9: a Chinese name with a brand's Latin glued on in a channel slot (在米乐m6集中发布) is a name;
#    a Latin name keeps out the particle every sentence writes before it (在bet9: 在 stays); a
#    link label shaped as a brand (188bet) over a slug of other initials is a swap even when only
#    the menus write it; a name in Traditional written in several places on a Simplified page is
#    a phrase swap (思想政治萬豪會司) unless quoted, a person's or a place's; lower-case Latin names make
#    a tail list (betway sbobet); a code before the words it grades (c30混凝土) is no name; 陕西 is
#    read from shaanxi.gov.cn.
# 10: a link label the phrase rule already cut from the sentences is counted in one place (its
#    link) in the label_swap evidence, not ×-1; an operating system before 系统 (win10系统) is the
#    report's word; a name ending in a level with another level after it in a name slot
#    (澳门新区市人民政府) is a place only where the gazetteer knows it (沙市区), and a slot's name
#    holding a brand found already that stands nowhere else (百家乐专区) is written back whole.
# 11: short names of a phrase swap: a code of letters and a number or a word of pinyin between
#    Chinese words in different phrases (思想政治w88司, 通过leyu公开), two characters no
#    dictionary counts in a channel slot (通过必赢公开), and a Latin name with a number or in
#    pinyin in a portal's labels (地方s77, s77 over /zwxx/, 创新m88 over its query, the title's
#    site name and the site code's label).
# 12: lower-case letters no English or pinyin word spells (bbin, xpj, sbobet) are read as a code
#    with a number is, between Chinese words and in a portal's labels; ktv, bbs, hpv and other
#    lower-case abbreviations are the report's words (ktv等娱乐 is no brand); a Latin name in a
#    label, a search link's label or after the title's site name is read whole, as long as a
#    label may be (地方huangguan, 创新longteng, 武汉市洪山区人民政府xinpujing); a word of pinyin
#    in capitals (KAIYUN, Kaiyun) is read as one in lower case, between words and in labels.
# 13: a link label over the slug of a column every portal has (zwgk 政务公开, zfxxgk 政府信息公开)
#    that is a name over all or part of the column's words (万家灯火, 政府吉祥如意) is a
#    label_swap the slug confirms, and the column's words are written back; lower-case Latin
#    holding a betting word in English (betway, dafabet) or a word of pinyin with a number
#    (dafa888) is a name between words and in labels, and once where pinyin or letters no word
#    spells end in that word (sbobet); a word the page writes nowhere else before
#    a brand word that stands alone and is no medium (天龙棋牌) is a brand's name; a name after the
#    title's site name may hold a word (盛世汇) as long as it is no place, body or words end to end;
#    a name may end in 里 or 间 (鹏程万里) unless words stand before it (建设中).
# 14: whom, where or what kind an activity serves (职工, 校园, 线上…) before a brand word is the
#    report's own (prefix rows); a brand's name the lexicon knows is no hit where a word runs
#    across each of its ends (果博 in 成果博览会); a known brand's name left in two sentences
#    flags the page; a number glued before a name no word makes up (188金宝博) is a name.
# 15: a page whose only masked name scores below the threshold (a known brand's name once) is
#    `cleaned`, not `tampered_unrecovered`: the verdict says tampered only where the flag does.
# 16: a scope or level before a brand word is the report's own (基层体育) and 公开课 or 发布会 after
#    a channel slot is a thing held there; one digit before a made-up name is a brand's number
#    (9游会) unless it reads as a numeral (1站式, 1岗双责); 会 and the particles (时, 里) end a
#    channel only after what the dictionary counts or a gathering's short name (座谈会, 进博会,
#    办理时), so 华体会 and 尊龙凯时 are names in the channel slot and in labels; a verb or quality
#    before a brand word takes it as its object (发展体育, 观看电竞) and sports media (搜狐体育,
#    五星体育) are platforms: no names; a unit several labels share that is words before a
#    brand word no report puts there (地方星空体育, 部门星空体育) is a name; a brand the lexicon
#    knows inside a morphology match opens its hit (研究会美育金沙娱乐 masks 金沙娱乐 alone), so
#    no place is written over the words around a brand put in for a word (思想政治金沙娱乐司);
#    a number before a made-up name over a column's slug is a label_swap (9游会 over /zwgk/).
# 17: a made-up name, or an idiom the page writes nowhere else, standing inside the names of
#    bodies or sites in two places or more, after different words and before different ends
#    (思想政治金盛园司, 全国高校思想政治天天向上网), is a phrase swap; 司 ends a body's name
#    (教育部思想政治工作司); an idiom names no channel, whatever it ends in (鹏程万里, 财运亨通).
# 18: a policy phrase after the nation's name (中华见义勇为基金会, 全国见义勇为网) names a national
#    body, as after a place: no phrase swap.
# 19: real clean pages keep what the spam layer took for names: the nation's government in a
#    name slot (中央人民政府), a central body's site code (网站标识码bm01000001), a document
#    number's issuer (朗人大〔2020〕05号), a contact person (黄先生), a room in a list of rooms
#    (1513、1515室), a rank (跻身前20), a temperature (10℃), open lectures (法治公开课); an owner
#    the evidence only guesses names no conflict.
# 20: links out hidden any way (a script, transform:scale(0), <noscript>, visibility) or shown
#    as a plain list are spam when half their words are spam names, a brand's shape included;
#    scripts' encoded strings are decoded and innerHTML is a sink; what follows </body> and
#    </html> is read inside the body; a brand-named link out inside a sentence, a drop-down of
#    such addresses and a brand's name beside the heading in the title are spam; the domains a
#    page's tags name (SiteDomain, Url, og:url) are its own, and on a copy served from an IP
#    address or localhost the domain its links and assets mostly come from; a page's counters (查看25668,
#    回复162) are figures.
EXTRACTOR_VERSION = 20

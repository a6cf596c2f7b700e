"""Word lists that drive quote attribution: data only, one table per language.

Every list holds dictionary lemmas (lowercase, ASCII apostrophe); the word
forms are generated from them with pymorphy3 in ``lexicon.py``.
"""

from __future__ import annotations

from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _pairs(text: str) -> dict[str, str]:
    """«речниця=речник …»: a word and the word it is read as."""
    return dict(pair.split("=") for pair in text.split())


# Confidence of an attribution, by how the speaker was found.
CONFIDENCE_NAMED = 0.9  # a name is the subject of the speech verb or the frame
CONFIDENCE_PRONOUN = 0.75  # він/вона, його/її resolved to a person
CONFIDENCE_UNSTATED = 0.6  # no subject written: the person last named or quoted
CONFIDENCE_ROLE = 0.7  # a role word that the article ties to a named person
CONFIDENCE_GENERIC = 0.6  # «посадовець», «урядовець»: the most recent speaker
CONFIDENCE_CONTINUATION = 0.6  # a quote paragraph that continues the previous speaker
CONFIDENCE_UNNAMED = 0.6  # an institution, a group or an unnamed person: speaker None
CONFIDENCE_GUESS = 0.4  # a capitalised unknown word with nothing else to back it

# Speech and writing verbs of the guidelines, plus stance verbs that take content.
UK_SPEECH_VERBS = frozenset(
    """
    заявити заявляти сказати казати говорити зазначити зазначати наголосити наголошувати
    підкреслити підкреслювати повідомити повідомляти розповісти розповідати пояснити
    пояснювати додати додавати відзначити відзначати зауважити зауважувати нагадати
    нагадувати уточнити уточнювати запевнити запевняти констатувати стверджувати твердити
    заперечити заперечувати спростувати спростовувати наполягати наполягти визнати визнавати
    попередити попереджати застерегти закликати написати писати відповісти
    відповідати підтвердити підтверджувати попросити просити вимагати пообіцяти обіцяти
    запропонувати пропонувати пригрозити погрожувати звинуватити звинувачувати назвати
    називати оголосити оголошувати прокоментувати коментувати розкритикувати критикувати
    вважати сподіватися побоюватися оприлюднити озвучити анонсувати висловитися
    поскаржитися скаржитися передбачати прогнозувати порадити радити звернутися
    процитувати цитувати доповісти доповідати резюмувати підсумувати
    """.split()
)

# Verbs that are not speech with a given word right after them: «звернулася до суду» files a
# claim, «звернувся до прем'єра із проханням» asks.
UK_NOT_SPEECH_BEFORE = {
    "звернутися": frozenset({"суду", "суд", "поліції", "прокуратури", "міліції", "правоохоронців"}),
}
RU_NOT_SPEECH_BEFORE = {
    "обратиться": frozenset({"суд", "суда", "полицию", "прокуратуру", "полиции"}),
}

# Verbs that are speech only with a given noun next to them («зробив заяву»).
UK_SPEECH_COLLOCATIONS = {
    "зробити": frozenset({"заява", "заяву", "заяви", "заявою"}),
    "звернути": frozenset({"увагу"}),
    "дійти": frozenset({"висновку"}),
    "висловити": frozenset({"сподівання", "думку", "протест", "вдячність", "позицію"}),
    "виступити": frozenset({"заявою", "критикою", "ініціативою", "захист", "зверненням"}),
}

# Adjectives of conviction: «Мельник впевнений, що…».
UK_STANCE_ADJECTIVES = frozenset({"переконаний", "впевнений", "упевнений"})

# Verbs whose subject after the verb is usually an outlet: «передає Укрінформ».
UK_MEDIA_VERBS = frozenset(
    {"передавати", "повідомляти", "писати", "інформувати", "цитувати", "зазначати", "описувати"}
)

# «за словами X», «на думку X»: preposition, then the noun (any form listed).
UK_FRAMES = (
    ("за", frozenset({"словами", "слів"})),
    ("на", frozenset({"думку", "переконання"})),
    ("за", frozenset({"підрахунками", "оцінкою", "оцінками", "версією", "даними", "інформацією"})),
)

# Words that open a sentence whose speech verb points back to the previous sentence.
UK_BACK_REFERENCES = frozenset({"про це", "таку заяву", "відповідну цифру", "такі дані", "це"})

UK_PRONOUNS = {"він": "masc", "вона": "femn"}
UK_POSSESSIVES = {"його": "masc", "її": "femn"}
UK_PLURAL_PRONOUNS = frozenset({"вони"})
UK_COMPLEMENTISERS = frozenset({"що", "щоб", "мовляв"})
UK_RELATIVES = frozenset(
    "який яка яке які якого якої яких якому якій яким якими якою яку котрий котра котрі".split()
)
# Relative pronouns that can be a subject, with whether the verb must then be plural.
UK_RELATIVE_SUBJECTS = {"який": False, "яка": False, "яке": False, "котрий": False, "котра": False}
UK_RELATIVE_SUBJECTS |= {"які": True, "котрі": True}
UK_NEGATIONS = frozenset({"не", "ні"})

# Words that may stand between a comma or dash and an inverted speech verb.
UK_ADVERBIALS = frozenset(
    """
    також тоді раніше згодом потім зокрема ще вже неодноразово нещодавно водночас окрім
    крім того цього разу вчора сьогодні позавчора вранці ввечері натомість далі відтак
    зрештою врешті насамкінець публічно офіційно дослівно коротко прямо відверто
    """.split()
)

# Head nouns of roles that point to a person («генсек», «міністр», «речниця»).
UK_ROLES = frozenset(
    """
    президент президентка прем'єр прем'єрка прем'єр-міністр прем'єр-міністерка віцепрем'єр
    віце-прем'єр віцепрем'єр-міністр віце-прем'єр-міністр міністр міністерка генсек секретар
    генсекретар держсекретар голова глава очільник очільниця керівник керівниця директор
    директорка гендиректор заступник заступниця помічник помічниця речник речниця
    прессекретар прес-секретар посол посолка депутат депутатка нардеп сенатор конгресмен
    спікер канцлер мер губернатор радник радниця лідер лідерка посадовець урядовець
    чиновник чиновниця високопосадовець топчиновник дипломат політик політолог експерт
    експертка аналітик економіст юрист адвокат адвокатка прокурор прокурорка генпрокурор
    суддя слідчий слідча командир командувач генерал полковник підполковник офіцер
    військовий рядовий король королева принц принцеса герцог герцогиня папа понтифік
    патріарх митрополит єпископ священик священник капелан представник представниця
    уповноважений омбудсман омбудсмен комісар єврокомісар координатор парламентер
    переговірник спецпредставник референт засновник співзасновник власник власниця
    менеджер начальник начальниця інженер лікар лікарка волонтер волонтерка журналіст
    журналістка редактор редакторка автор авторка письменник письменниця актор акторка
    співак співачка комік телеведучий ведучий ведуча продюсер телепродюсер тренер
    фахівець фахівчиня дослідник дослідниця науковець вчений учений професор ректор
    обвинувачений обвинувачена підозрюваний підозрювана затриманий затримана засуджений
    засуджена свідок потерпілий потерпіла мешканець мешканка житель жителька очевидець
    чоловік дружина син донька дочка брат сестра батько мати співрозмовник співрозмовниця
    речниця представниця
    """.split()
)

# Feminine and shortened role words read as their base role when matching.
UK_ROLE_ALIASES = _pairs(
    """
    президентка=президент прем'єрка=прем'єр прем'єр-міністерка=прем'єр-міністр
    прем'єр-міністр=прем'єр міністерка=міністр очільниця=очільник керівниця=керівник
    директорка=директор гендиректор=директор заступниця=заступник помічниця=помічник
    речниця=речник прес-секретар=речник прессекретар=речник посолка=посол депутатка=депутат
    нардеп=депутат радниця=радник лідерка=лідер чиновниця=чиновник експертка=експерт
    адвокатка=адвокат прокурорка=прокурор генпрокурор=прокурор слідча=слідчий генсек=секретар
    генсекретар=секретар держсекретар=секретар глава=голова очільник=голова керівник=голова
    лікарка=лікар волонтерка=волонтер журналістка=журналіст редакторка=редактор авторка=автор
    письменниця=письменник акторка=актор співачка=співак ведуча=ведучий телеведучий=ведучий
    телепродюсер=продюсер фахівчиня=фахівець дослідниця=дослідник обвинувачена=обвинувачений
    підозрювана=підозрюваний затримана=затриманий засуджена=засуджений потерпіла=потерпілий
    мешканка=мешканець жителька=житель представниця=представник співрозмовниця=співрозмовник
    власниця=власник начальниця=начальник віцепрем'єр=прем'єр віце-прем'єр=прем'єр
    віцепрем'єр-міністр=прем'єр віце-прем'єр-міністр=прем'єр учений=вчений священник=священик
    омбудсман=омбудсмен єврокомісар=комісар
    """
)

# Prefixes of rank before a hyphen: «віце-президент», «екс-міністр».
ROLE_PREFIXES = frozenset({"віце", "екс", "вице", "экс"})

# Role words that stand for whoever spoke last when the article ties them to nobody.
UK_GENERIC_ROLES = _words(
    """
    високопосадовець військовий дипломат політик посадовець представник співрозмовник
    топчиновник урядовець чиновник
    """
)

# Subjects that are institutions or groups: the quote is kept with speaker None.
UK_INSTITUTIONS = frozenset(
    """
    компанія авіакомпанія уряд кабмін міністерство відомство суд прокуратура поліція
    нацполіція служба партія фракція профспілка організація асоціація рада комісія
    єврокомісія парламент посольство представництво адміністрація офіс кремль держдеп
    лоукостер перевізник авіаперевізник оператор банк фонд країна держава сторона влада
    керівництво команда клуб університет інститут управління департамент штаб генштаб
    церква концерн корпорація холдинг підприємство фірма коаліція блок альянс
    союз об'єднання спільнота громада місія делегація мерія міськрада облрада облдержадміністрація
    звернення заява повідомлення доповідь звіт документ лист вирок постанова рішення
    ухвала джерело опитування дослідження
    """.split()
)

# Outlets and their staff in general: claims they relay are not anyone's quote.
UK_MEDIA = frozenset(
    """
    агенція агентство інформагентство видання змі газета телеканал телерадіокомпанія
    радіостанція радіо сайт портал журнал таблоїд канал медіа редакція кореспондент
    телеграм-канал
    """.split()
)

# Lowercase particles inside foreign names («Ганс фон дер Гельм», «Лука ді Розі»).
NAME_PARTICLES = _words(
    """
    аль ас бен бін ван да де делла дель ден дер дос ду дю ді ед ель зу ибн ла ле тер фон цу ібн
    """
)

# Capitalised words before a name that make it not a person: «вул. Івана Франка».
NOT_PERSON_BEFORE = _words(
    """
    бульвар вул вулицю вулиця вулиці имени меморіал орден ордена пам'ятник площа площі премія
    премії провулок просп проспект проспекті святого святой святої собор собору ул улица фонд
    фонду ім імені
    """
)

# Prepositions: a name right after one is not in the nominative («на Бейкер-стріт»).
PREPOSITIONS = frozenset(
    "в у на з із зі зо до для від по про при через за між над під перед без біля після "
    "к с со о об от во из при".split()
)

# Endings of adjective-like surnames the dictionary lacks («Чорновуського» → «Чорновуський»):
# ending, the cases it shows, the nominative (masculine) ending that replaces it.
ADJECTIVAL_ENDINGS = (
    ("ського", frozenset({"gent", "accs"}), "ський"),
    ("цького", frozenset({"gent", "accs"}), "цький"),
    ("ього", frozenset({"gent", "accs"}), "ій"),
    ("ого", frozenset({"gent", "accs"}), "ий"),
    ("ському", frozenset({"datv", "loct"}), "ський"),
    ("ьому", frozenset({"datv", "loct"}), "ій"),
    ("ому", frozenset({"datv", "loct"}), "ий"),
    ("ським", frozenset({"ablt"}), "ський"),
    ("ської", frozenset({"gent", "datv", "loct"}), "ська"),
    ("цької", frozenset({"gent", "datv", "loct"}), "цька"),
    ("ової", frozenset({"gent", "datv", "loct"}), "ова"),
    ("євої", frozenset({"gent", "datv", "loct"}), "єва"),
    ("іної", frozenset({"gent", "datv", "loct"}), "іна"),
    ("ською", frozenset({"ablt"}), "ська"),
    ("овою", frozenset({"ablt"}), "ова"),
)
# The same in Russian, whose masculine nominative ends in «-ый» or, after г к х, «-ий».
_GENT_ACCS, _DATV_LOCT = frozenset({"gent", "accs"}), frozenset({"datv", "loct"})
_FEMININE_OBLIQUE = frozenset({"gent", "datv", "loct", "ablt"})
RU_ADJECTIVAL_ENDINGS = (
    ("ского", _GENT_ACCS, "ский"),
    ("цкого", _GENT_ACCS, "цкий"),
    ("кого", _GENT_ACCS, "кий"),
    ("гого", _GENT_ACCS, "гий"),
    ("хого", _GENT_ACCS, "хий"),
    ("его", _GENT_ACCS, "ий"),
    ("ого", _GENT_ACCS, "ый"),
    ("скому", _DATV_LOCT, "ский"),
    ("цкому", _DATV_LOCT, "цкий"),
    ("кому", _DATV_LOCT, "кий"),
    ("ему", _DATV_LOCT, "ий"),
    ("ому", _DATV_LOCT, "ый"),
    ("ским", frozenset({"ablt"}), "ский"),
    ("ской", _FEMININE_OBLIQUE, "ская"),
    ("цкой", _FEMININE_OBLIQUE, "цкая"),
    ("овой", _FEMININE_OBLIQUE, "ова"),
    ("евой", _FEMININE_OBLIQUE, "ева"),
    ("иной", _FEMININE_OBLIQUE, "ина"),
)

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = _words(
    """
    вул г гг грн д див е млн млрд н обл пан просп р рр ст т тис ул ім
    """
)

# Prefixes of labelled direct speech in Ukrainska Pravda's layout.
SOURCE_LABELS = ("джерело:", "источник:")
DIRECT_SPEECH_LABELS = ("пряма мова:", "прямая речь:")

RU_SPEECH_VERBS = frozenset(
    """
    заявить заявлять сказать говорить отметить отмечать подчеркнуть подчёркивать
    подчеркивать сообщить сообщать рассказать рассказывать пояснить пояснять добавить
    добавлять заметить замечать напомнить напоминать уточнить уточнять заверить заверять
    констатировать утверждать возразить возражать опровергнуть опровергать настаивать
    признать признавать предупредить предупреждать призвать призывать написать писать
    ответить отвечать подтвердить подтверждать попросить просить потребовать требовать
    пообещать обещать предложить предлагать пригрозить обвинить обвинять назвать называть
    объявить объявлять прокомментировать комментировать раскритиковать критиковать
    считать надеяться опасаться озвучить высказаться пожаловаться обратиться
    доложить докладывать резюмировать подытожить
    """.split()
)
RU_SPEECH_COLLOCATIONS = {
    "сделать": frozenset({"заявление", "заявления"}),
    "привести": frozenset({"слова"}),
    "приводить": frozenset({"слова"}),
    "обратить": frozenset({"внимание"}),
    "прийти": frozenset({"выводу"}),
    "выразить": frozenset({"надежду", "мнение", "протест", "благодарность"}),
    "выступить": frozenset({"заявлением", "критикой", "инициативой", "защиту"}),
}
RU_STANCE_ADJECTIVES = frozenset({"уверенный", "убеждённый", "убежденный"})
RU_MEDIA_VERBS = frozenset({"передавать", "сообщать", "писать", "информировать", "цитировать"})
RU_FRAMES = (
    ("по", frozenset({"словам"})),
    ("по", frozenset({"мнению", "оценке", "оценкам", "данным", "информации", "версии"})),
)
RU_BACK_REFERENCES = frozenset({"об этом", "такое заявление", "это"})
RU_PRONOUNS = {"он": "masc", "она": "femn"}
RU_POSSESSIVES = {"его": "masc", "её": "femn", "ее": "femn"}
RU_PLURAL_PRONOUNS = frozenset({"они"})
RU_COMPLEMENTISERS = frozenset({"что", "чтобы", "мол"})
RU_RELATIVES = frozenset(
    "который которая которое которые которого которой которых которому которым которыми "
    "которую".split()
)
RU_RELATIVE_SUBJECTS = {"который": False, "которая": False, "которое": False, "которые": True}
RU_NEGATIONS = frozenset({"не", "ни"})
RU_ADVERBIALS = frozenset(
    "также тогда ранее позже затем в частности ещё еще уже неоднократно недавно вчера "
    "сегодня кроме того однако далее".split()
)
RU_ROLES = frozenset(
    """
    президент премьер премьер-министр министр вице-премьер генсек секретарь председатель
    глава руководитель директор гендиректор заместитель помощник помощница представитель
    представительница пресс-секретарь посол депутат сенатор спикер канцлер мэр губернатор
    советник лидер чиновник дипломат политик политолог эксперт аналитик экономист юрист
    адвокат прокурор генпрокурор судья следователь командир командующий генерал полковник
    офицер военный король королева принц принцесса основатель владелец начальник врач
    журналист редактор автор писатель актёр актер певец певица комик телеведущий ведущий
    продюсер тренер специалист исследователь учёный ученый профессор ректор обвиняемый
    подозреваемый задержанный свидетель житель жительница очевидец муж жена сын дочь брат
    сестра отец мать собеседник
    """.split()
)
RU_ROLE_ALIASES = _pairs(
    """
    помощница=помощник представительница=представитель пресс-секретарь=представитель
    генпрокурор=прокурор генсек=секретарь глава=председатель руководитель=председатель
    гендиректор=директор жительница=житель певица=певец учёный=ученый актёр=актер
    премьер-министр=премьер вице-премьер=премьер
    """
)
RU_GENERIC_ROLES = frozenset(
    {"чиновник", "дипломат", "политик", "военный", "собеседник", "представитель"}
)
RU_INSTITUTIONS = frozenset(
    """
    компания авиакомпания правительство кабмин министерство ведомство суд прокуратура
    полиция служба партия фракция профсоюз организация ассоциация совет комиссия
    еврокомиссия парламент посольство представительство администрация офис кремль госдеп
    перевозчик оператор банк фонд страна государство сторона власть руководство команда
    клуб университет институт управление департамент штаб церковь концерн корпорация
    союз альянс делегация мэрия заявление сообщение доклад отчёт отчет документ письмо
    приговор постановление решение источник опрос исследование
    """.split()
)
RU_MEDIA = frozenset(
    "агентство информагентство издание сми газета телеканал радиостанция радио сайт портал "
    "журнал таблоид канал медиа редакция корреспондент".split()
)


@dataclass(frozen=True, slots=True)
class LanguageData:
    speech_verbs: frozenset[str]
    collocations: dict[str, frozenset[str]]
    not_speech_before: dict[str, frozenset[str]]
    stance_adjectives: frozenset[str]
    media_verbs: frozenset[str]
    frames: tuple[tuple[str, frozenset[str]], ...]
    back_references: frozenset[str]
    pronouns: dict[str, str]
    possessives: dict[str, str]
    plural_pronouns: frozenset[str]
    complementisers: frozenset[str]
    relatives: frozenset[str]
    relative_subjects: dict[str, bool]
    negations: frozenset[str]
    adverbials: frozenset[str]
    roles: frozenset[str]
    role_aliases: dict[str, str]
    generic_roles: frozenset[str]
    institutions: frozenset[str]
    media: frozenset[str]
    # «цитує Reuters слова Ердогана»: the person whose words these are is the speaker
    quoted_words: frozenset[str] = frozenset()


LANGUAGES = {
    "uk": LanguageData(
        UK_SPEECH_VERBS,
        UK_SPEECH_COLLOCATIONS,
        UK_NOT_SPEECH_BEFORE,
        UK_STANCE_ADJECTIVES,
        UK_MEDIA_VERBS,
        UK_FRAMES,
        UK_BACK_REFERENCES,
        UK_PRONOUNS,
        UK_POSSESSIVES,
        UK_PLURAL_PRONOUNS,
        UK_COMPLEMENTISERS,
        UK_RELATIVES,
        UK_RELATIVE_SUBJECTS,
        UK_NEGATIONS,
        UK_ADVERBIALS,
        UK_ROLES,
        UK_ROLE_ALIASES,
        UK_GENERIC_ROLES,
        UK_INSTITUTIONS,
        UK_MEDIA,
        quoted_words=frozenset({"слова", "цитату"}),
    ),
    "ru": LanguageData(
        RU_SPEECH_VERBS,
        RU_SPEECH_COLLOCATIONS,
        RU_NOT_SPEECH_BEFORE,
        RU_STANCE_ADJECTIVES,
        RU_MEDIA_VERBS,
        RU_FRAMES,
        RU_BACK_REFERENCES,
        RU_PRONOUNS,
        RU_POSSESSIVES,
        RU_PLURAL_PRONOUNS,
        RU_COMPLEMENTISERS,
        RU_RELATIVES,
        RU_RELATIVE_SUBJECTS,
        RU_NEGATIONS,
        RU_ADVERBIALS,
        RU_ROLES,
        RU_ROLE_ALIASES,
        RU_GENERIC_ROLES,
        RU_INSTITUTIONS,
        RU_MEDIA,
        quoted_words=frozenset({"слова", "цитату"}),
    ),
}

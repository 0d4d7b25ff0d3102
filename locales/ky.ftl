## Жалпы сөздөр

category-specialist = жергиликтүү өз алдынча башкаруу органынын адиси
category-deputy = жергиликтүү кеңештин депутаты
category-invited = тартылган адис
category-ngo = бейөкмөт уюмдун өкүлү
category-entrepreneur = ишкер
category-resident = жергиликтүү жашоочу
office-head = айыл өкмөт башчысы
office-chair = айылдык кеңештин төрагасы
language-name-ky = Кыргызча
language-name-ru = Русский
term-none = чектелген эмес

## Буйруктар (Telegram менюсу)

command-start = Бот менен иштей баштоо
command-help = Жардам: бул жерде эмне кылууга болот
command-join = Топко кирүү
command-members = Топтун курамы
command-status = Топтун абалы
command-leave = Топтон чыгуу
command-appoint = Топтун жетекчисин дайындоо
command-addappointer = Экинчи кызмат адамын кошуу (анын билдирүүсүнө жооп катары)
command-setup = Бул чатта топту каттоо
command-language = Тил
command-cancel = Форманы толтурууну жокко чыгаруу

## Баштоо жана жардам

start-greeting =
    Саламатсызбы, { $name }!
    Мен айыл аймагынын биргелешкен мониторинг жана баалоо тобунун (БМжБ тобу) ишин жүргүзөм: топтун курамы, жергиликтүү кызмат көрсөтүүлөргө байкоолор, жыйналыштар, протоколдорго добуш берүү жана кол коюу.
    Топко кирүү үчүн тобуңуздун чатында «Топко кирүү» баскычын басыңыз же /join жөнөтүңүз. Бардык буйруктар — /help.
    Тилди кийин /language буйругу менен өзгөртө аласыз.
start-in-group = Мен бул жерде буйруктар менен иштейм. Эмне кыла аларыңыздын тизмеси — /help.
bot-added =
    Саламатсыздарбы! Мен биргелешкен мониторинг жана баалоо тобунун (БМжБ тобу) ишин жүргүзүүгө жардам берем.
    Бул чаттын администратору болгон айыл өкмөт башчысы же айылдык кеңештин төрагасы топту /setup буйругу менен каттайт.
help-intro = Биргелешкен мониторинг жана баалоо тобу (БМжБ тобу): сиз эмне кыла аласыз.
help-everyone =
    Ар бир адам:
    /join — топко кирүүгө арыз берүү
    /language — тилди тандоо
    /help — ушул маалымат
help-member =
    Топтун мүчөсү:
    /members — топтун курамы
    /status — топтун абалы
    /reminders — топтун эскертүүлөрү; жеке чатта — өзүңүздүкүн өчүрүү
    /meetings — жыйналыштар
    /protocol — протокол: окуу, пикир калтыруу
    /verify 3/2026 — кол коюлган протоколду текшерүү
    билдирүүлөрдөгү баскычтар менен добуш берет жана кол коёт
    /leave — топтон чыгуу (каалаган учурда)
help-leader =
    Топтун жетекчиси:
    /meeting — жыйналыш дайындоо (жылдыруу же жокко чыгаруу — /meetings)
    /reminders — топтун чатындагы эскертүүлөрдү күйгүзүү же өчүрүү
    /attendance — катышкандарды белгилөө
    /protocol — протокол түзүү, оңдоо жана добуш берүүгө коюу
    топко кирүү арыздарын жактырат же четке кагат (арыз тууралуу билдирүүдөгү баскычтар; күтүп турган арыздар — жеке чаттагы /members)
help-appointer =
    Айыл өкмөт башчысы жана айылдык кеңештин төрагасы:
    /appoint — топтун жетекчисин дайындоо
    /addappointer — экинчи кызмат адамын кошуу (анын билдирүүсүнө жооп катары)
    топко кирүү арыздарын жактырышат же четке кагышат
help-unregistered = Бул чат азырынча БМжБ тобу катары катталган эмес. Чаттын администратору — айыл өкмөт башчысы же айылдык кеңештин төрагасы — бул жерде /setup жөнөтөт.

## Топту каттоо

setup-in-group = Топ өзүнүн чатында катталат: мени топтун чатына кошуп, ал жерде /setup жөнөтүңүз.
setup-not-admin = Топту бул чаттын администратору гана (айыл өкмөт башчысы же айылдык кеңештин төрагасы) каттай алат.
setup-anonymous = Сиз чаттын атынан жашыруун жазып жатасыз, ошондуктан ким экениңизди биле албайм. Администратордун укуктарынан «Анонимность» параметрин өчүрүп, /setup кайра жөнөтүңүз.
setup-already-registered = Бул чат БМжБ тобу катары мурунтан катталган. Анын абалы — /status.
setup-ask-office = БМжБ тобун каттоо. Кызмат ордуңузду тандаңыз:
setup-ask-municipality = Айыл аймагынын аталышы (документтердегидей), мисалы: Мин-Булак айыл аймагы.
setup-municipality-hint = Айыл аймагынын аталышын текст менен жазыңыз.
setup-ask-language = Бул чатка кайсы тилде жазайын?
setup-ask-term = Топ кайсы күнгө чейин иштейт? Бул билдирүүгө күн менен жооп бериңиз (мисалы, 31.12.2027) же «Мөөнөтсүз» баскычын басыңыз.
setup-term-none = Мөөнөтсүз
setup-term-hint = Күндү 31.12.2027 түрүндө жазыңыз же «Мөөнөтсүз» баскычын басыңыз.
setup-term-past = Мөөнөт келечекте болушу керек. Бүгүндөн кийинки күндү жазыңыз.
setup-done =
    «{ $municipality }» биргелешкен мониторинг жана баалоо тобу катталды.
    Кызмат адамы: { $office }. Мөөнөтү: { $term }.
    Топко кирүү үчүн төмөнкү баскычты басыңыз: форма мен менен жеке чатта ачылат.
group-not-registered = Бул чат БМжБ тобу катары катталган эмес. Чаттын администратору аны /setup буйругу менен каттайт.

## Топко кирүү

join-button = Топко кирүү
join-open-private = «{ $municipality }» тобуна кирүү арызы мен менен жеке чатта толтурулат: баскычты басыңыз.
join-pick-group = Кайсы топко киргиңиз келет?
join-ask-link = Тобуңуздун чатын ачып, ал жерде /join жөнөтүңүз же топтун чакыруу шилтемеси аркылуу өтүңүз.
join-ask-name = «{ $municipality }» тобуна кирүү арызы. Фамилияңызды, атыңызды жана атаңыздын атын протоколдордо кандай жазылышы керек болсо, ошондой жазыңыз.
join-name-hint = Толук аты-жөнүңүздү текст менен жазыңыз.
join-ask-category = Топто кимдин атынан катышасыз?
join-ask-consent =
    Арызды текшериңиз:
    Топ: { $municipality }
    Аты-жөнү: { $name }
    Категория: { $category }

    Аты-жөнүңүз жана категорияңыз топтун мүчөлөрүнө көрүнүп, анын протоколдоруна кирет. Макулсузбу?

    Атыңыз жана категорияңыз топтун мүчөлөрүнө көрүнүп, анын протоколдоруна кирет. Макулсузбу?
join-consent-yes = Макулмун, жөнөтүү
join-consent-no = Макул эмесмин
join-no-consent = Арыз жөнөтүлгөн жок, эч нерсе сакталган жок. Каалаган убакта кайра баштай аласыз: /join.
join-sent = «{ $municipality }» тобуна арызыңыз жөнөтүлдү. Каралганда билдирем.
join-refused-not-found = Мындай топ жок. Тобуңуздун чатын ачып, ал жерде /join жөнөтүңүз.
join-refused-closed = «{ $municipality }» тобунун иш мөөнөтү бүткөн: жаңы арыздар кабыл алынбайт.
join-refused-already-member = Сиз «{ $municipality }» тобунун мүчөсүсүз.
join-refused-already-pending = «{ $municipality }» тобуна арызыңыз чечимди күтүп турат.
join-approved = Арызыңыз жактырылды: сиз «{ $municipality }» биргелешкен мониторинг жана баалоо тобунун мүчөсүсүз. Эмне кыла аласыз — /help.
join-refused = «{ $municipality }» тобуна арызыңыз четке кагылды.

## Арыздар

request-card =
    «{ $municipality }» тобуна кирүү арызы
    Аты-жөнү: { $name }
    Категория: { $category }
request-approve = Жактыруу
request-refuse = Четке кагуу
request-approved-toast = Арыз жактырылды.
request-refused-toast = Арыз четке кагылды.
request-was-approved = Жактырды: { $by }.
request-was-refused = Четке какты: { $by }.
request-not-found = Мындай арыз жок.
request-closed = Топтун иш мөөнөтү бүткөн: арыздар мындан ары каралбайт.
request-not-allowed = Арыздар боюнча чечимди айыл өкмөт башчысы, айылдык кеңештин төрагасы же топтун жетекчиси кабыл алат.
request-already-member = Бул адам топтун мүчөсү болуп калган.
request-already-decided = Бул арыз боюнча чечим мурунтан кабыл алынган.
member-joined = Топко { $name } ({ $category }) кирди.

## Курам

composition-count = Топто { $count } мүчө (жобо боюнча эң аз дегенде { $min }).
below-minimum = ⚠️ Жобо боюнча топтун курамы { $min } мүчөдөн кем болбошу керек. Курам толукталганга чейин протоколду добуш берүүгө коюуга болбойт.
members-title = «{ $municipality }» тобунун курамы:
members-none = Азырынча мүчөлөр жок.
members-leader-mark = , топтун жетекчиси
members-unreachable-mark = , ⚠️ жеке чатта менин билдирүүлөрүмдү албайт
no-groups = Сиз азырынча эч бир топтун мүчөсү эмессиз. Кирүү — /join.
pick-group = Кайсы топ?
picked-group = «{ $municipality }» тобу.
not-your-group = Сиз бул топтун мүчөсү эмессиз.

## Топтон чыгуу

leave-confirm = «{ $municipality }» тобунан чыгасызбы? Сиздин байкоолоруңуз, добуштарыңыз жана колтамгаларыңыз топтун жазууларында калат.
leave-yes = Ооба, чыгам
leave-no = Жок, калам
leave-kept = Сиз топто каласыз.
leave-done = Сиз «{ $municipality }» тобунан чыктыңыз.
leave-not-member = Сиз «{ $municipality }» тобунун мүчөсү эмессиз.
leave-not-found = Мындай топ жок.
leave-closed = Топтун иш мөөнөтү бүткөн: анын жазуулары мындан ары өзгөрбөйт.
member-left = { $name } топтон чыкты.
leader-left = Топтун жетекчиси жок: аны айыл өкмөт башчысы же айылдык кеңештин төрагасы дайындайт (/appoint).
leader-left-appointer = «{ $municipality }» тобунун жетекчиси { $name } топтон чыкты. Жаңы жетекчини дайындаңыз: /appoint.

## Жетекчи

appoint-pick = «{ $municipality }» тобунун жетекчиси болуп кимди дайындайсыз?
appoint-no-members = Топто азырынча мүчөлөр жок, дайындай турган эч ким жок.
appoint-not-allowed = Топтун жетекчисин айыл өкмөт башчысы же айылдык кеңештин төрагасы дайындайт.
appoint-not-member = { $name } топтун мүчөсү эмес. Жетекчи болуп топтун мүчөсү гана дайындалат.
appoint-not-found = Мындай топ жок.
appoint-closed = Топтун иш мөөнөтү бүткөн: анын жазуулары мындан ары өзгөрбөйт.
appoint-already-leader = { $name } топтун жетекчиси болуп турат.
leader-appointed = «{ $municipality }» тобунун жетекчиси болуп { $name } дайындалды.
leader-appointed-you = Сиз «{ $municipality }» тобунун жетекчиси болуп дайындалдыңыз. Эмне кыла аласыз — /help.
addappointer-in-group = /addappointer буйругун топтун чатында экинчи кызмат адамынын билдирүүсүнө жооп катары жөнөтүңүз.
addappointer-reply = /addappointer буйругун кошо турган адамдын (айыл өкмөт башчысынын же айылдык кеңештин төрагасынын) билдирүүсүнө жооп катары жөнөтүңүз.
addappointer-done = { $name } { $office } катары кошулду.
addappointer-not-found = Бул чат БМжБ тобу катары катталган эмес.
addappointer-closed = Топтун иш мөөнөтү бүткөн: анын жазуулары мындан ары өзгөрбөйт.
addappointer-not-allowed = Экинчи кызмат адамын бул топтун айыл өкмөт башчысы же айылдык кеңештин төрагасы кошот.
addappointer-already-appointer = { $name } бул топтун кызмат адамы болуп турат.
addappointer-offices-filled = Эки кызмат орду тең (айыл өкмөт башчысы жана айылдык кеңештин төрагасы) ээленген.

## Абалы

status-title = «{ $municipality }» биргелешкен мониторинг жана баалоо тобу
status-closed = Топтун иш мөөнөтү бүткөн: жазуулар окуу үчүн гана жеткиликтүү.
status-leader = Топтун жетекчиси: { $name }
status-no-leader = Топтун жетекчиси дайындала элек.
status-appointer = { $office ->
    [head] Айыл өкмөт башчысы
   *[chair] Айылдык кеңештин төрагасы
}: { $name }
status-pending = { $count } арыз чечимди күтүүдө
status-term = Иш мөөнөтүнүн аягы: { $date }
status-term-none = Иш мөөнөтү: чектелген эмес

## Тил

language-ask = Тилди тандаңыз.
language-ask-first = Тилди тандаңыз / Выберите язык:
language-ask-group = Бул чаттагы билдирүүлөрдүн тилин тандаңыз.
language-set = Эми сизге кыргызча жазам.
language-set-group = Эми бул чатка кыргызча жазам.
language-group-not-allowed = Топтун чатынын тилин айыл өкмөт башчысы, айылдык кеңештин төрагасы жана топтун жетекчиси өзгөртөт. Өзүңүздүн тилиңизди мен менен жеке чатта /language буйругу менен тандаңыз.

## Формалар жана каталар

cancel-done = Толтуруу жокко чыгарылды, эч нерсе сакталган жок.
cancel-nothing = Азыр жокко чыгара турган эч нерсе жок.
form-use-buttons = Жоопту суроонун астындагы баскыч менен тандаңыз.
form-too-short = Өтө кыска: эң аз дегенде { $min } белги керек.
form-too-long = Өтө узун: { $length } белги, { $max } белгиден ашпашы керек. Кыскартып, кайра жөнөтүңүз.
form-reset = Бот жаңыланды, башталган форма өчүрүлдү. Кайрадан баштаңыз.
button-stale = Бул баскыч мындан ары иштебейт.
button-not-yours = Бул баскыч сиз үчүн эмес.
unknown-command = Мындай буйрукту билбейм. Буйруктардын тизмеси — /help.
unknown-message = Түшүнгөн жокмун. Буйруктардын тизмеси — /help.
error-generic = Ката кетти. Бир аздан кийин кайра аракет кылып көрүңүз.

## Жеке чатка өтүү

continue-in-private = Бул форма топтогу сүйлөшүүгө тоскоол болбосун үчүн мен менен жеке чатта толтурулат: баскычты басыңыз.
continue-button = Жеке чатта улантуу

## Жыйналыштар

command-meeting = Жыйналыш дайындоо (жетекчи)
command-meetings = Топтун жыйналыштары
command-attendance = Катышкандарды белгилөө (жетекчи)
command-protocol = Жыйналыштын протоколу
command-verify = Кол коюлган протоколду номери боюнча текшерүү
meeting-not-leader = Жыйналышты топтун жетекчиси дайындайт, жылдырат жана жокко чыгарат.
meeting-ask-time = «{ $municipality }» тобунун жаңы жыйналышы. Ал качан болот? Күнүн жана убактысын жазыңыз, мисалы: 25.12 15:00, 25.12.2026 15:00 же 15:00 (бүгүн). Убакыт — Бишкек убактысы.
meeting-ask-new-time = Жыйналышты кайсы күнгө жана убакытка жылдырабыз? Мисалы: 25.12 15:00.
meeting-time-hint = Күнүн жана убактысын түшүнгөн жокмун. Мисалы, мындай жазыңыз: 25.12 15:00, 25.12.2026 15:00 же 15:00.
meeting-time-past = Бул убакыт өтүп кеткен. Келечектеги күндү жана убакытты жазыңыз.
meeting-ask-place = Жыйналыш кайда өтөт?
meeting-place-hint = Өтүүчү жерди текст менен жазыңыз, мисалы: айыл өкмөтүнүн имараты, жыйналыштар залы.
meeting-ask-agenda = Күн тартиби: биринчи маселени жөнөтүңүз (бир маселе — бир билдирүү, { $max } маселеден ашпасын).
meeting-agenda-hint = Күн тартибинин маселесин текст менен жазыңыз.
meeting-agenda-added = { $count }-маселе кошулду. Кийинкисин жөнөтүңүз же «Даяр» баскычын басыңыз.
meeting-agenda-done = Даяр
meeting-scheduled = Жыйналыш дайындалды, кулактандыруу топтун чатына жөнөтүлдү.
meeting-rescheduled = Жыйналыш жылдырылды, топко билдирилди.
meeting-announcement-moved = Бул жыйналыш жылдырылды: төмөндөгү жаңы кулактандырууну караңыз.
meeting-moved = ⚠️ Жыйналыш жылдырылды. Келе турганыңызды кайра белгилеңиз.
meeting-refused-not-found = Мындай жыйналыш жок.
meeting-refused-closed = Топтун иш мөөнөтү бүткөн: анын жазуулары мындан ары өзгөрбөйт.
meeting-refused-not-allowed = Жыйналышты топтун жетекчиси дайындайт, жылдырат жана жокко чыгарат.
meeting-refused-past = Бул убакыт өтүп кеткен.
meeting-refused-no-agenda = Күн тартибинде жок дегенде бир маселе болушу керек.
meeting-refused-started = Жыйналыш башталып калган: аны жылдырууга же жокко чыгарууга болбойт.
meeting-refused-cancelled = Бул жыйналыш жокко чыгарылган.
meeting-card-title = «{ $municipality }» биргелешкен мониторинг жана баалоо тобунун жыйналышы
meeting-card-when = Качан: { $when }
meeting-card-place = Орду: { $place }
meeting-card-agenda = Күн тартиби:
meeting-cancelled-mark = ❌ ЖОККО ЧЫГАРЫЛДЫ
meeting-cancel-confirm = Жыйналышты ({ $when }) жокко чыгарасызбы? Топко билдирилет.
meeting-cancel-yes = Ооба, жокко чыгаруу
meeting-cancelled = Жыйналыш жокко чыгарылды.
meeting-cancelled-group = ❌ Топтун жетекчиси жыйналышты жокко чыгарды: { $when }, { $place }.
rsvp-yes = Келем
rsvp-no = Келе албайм
rsvp-tally-yes = Келет — { $count }{ $names }
rsvp-tally-no = Келе албайт — { $count }{ $names }
rsvp-saved-yes = Белгиленди: сиз келесиз.
rsvp-saved-no = Белгиленди: сиз келе албайсыз.
rsvp-not-found = Мындай жыйналыш жок.
rsvp-closed = Топтун иш мөөнөтү бүткөн.
rsvp-not-member = Топтун мүчөлөрү гана жооп бере алат. Топко кирүү — /join.
rsvp-cancelled = Бул жыйналыш жокко чыгарылган.
rsvp-started = Жыйналыш башталып калган.
meetings-title = «{ $municipality }» тобунун жыйналыштары
meetings-upcoming = Алдыдагылар:
meetings-past = Өткөндөр:
meetings-none = — жок
meetings-line = • { $when }, { $place } (келет: { $yes }, келе албайт: { $no })
meetings-line-cancelled = • { $when }, { $place } — жокко чыгарылган
meetings-manage-in-private = Жыйналышты жылдыруу же жокко чыгаруу, катышкандарды белгилөө — мен менен жеке чатта /meetings.
meetings-reschedule = Жылдыруу: { $when }
meetings-cancel = Жокко чыгаруу
meetings-attendance = Катышкандар: { $when }
meetings-draft = Протокол: { $when }

## Катышуу

attendance-ask = Жыйналышка ({ $when }) кимдер катышты? Аттарын басып, анан «Даяр» баскычын басыңыз.
attendance-done = Даяр
attendance-quorum-met = { $members } мүчөдөн { $present } мүчө катышты: кворум бар (топтун мүчөлөрүнүн жарымынан көбү).
attendance-quorum-not-met = { $members } мүчөдөн { $present } мүчө катышты: кворум жок (топтун мүчөлөрүнүн жарымынан көбү катышышы керек).
attendance-recorded = Катышкандар белгиленди: { $names }.
attendance-next = Эми протокол түзсө болот: /protocol.
attendance-group = Жыйналышка ({ $when }) катышкандар: { $names }.
attendance-no-meeting = Азырынча бир да жыйналыш башталган жок. Жыйналыш дайындоо — /meeting.
attendance-not-allowed = Катышкандарды топтун жетекчиси белгилейт.
attendance-not-found = Мындай жыйналыш жок.
attendance-closed = Топтун иш мөөнөтү бүткөн: анын жазуулары мындан ары өзгөрбөйт.
attendance-not-started = Катышкандар жыйналыш башталгандан кийин белгиленет.
attendance-cancelled = Бул жыйналыш жокко чыгарылган.
attendance-not-member = Бул адам топтун мүчөсү эмес.
attendance-frozen = Бул жыйналыштын протоколу добуш берүүгө коюлган же кабыл алынган: катышкандардын тизмеси мындан ары өзгөрбөйт.

## Протокол

protocol-none = Азырынча протоколдор жок.
protocol-ready-to-draft = Жыйналыш өттү ({ $when }), анын протоколу азырынча жок.
protocol-draft-button = Протокол түзүү
protocol-attendance-first = Адегенде жыйналышка ({ $when }) катышкандарды белгилеңиз: /attendance.
protocol-manage-in-private = Долбоорду оңдоо жана добуш берүүгө коюу мен менен жеке чатта болот: /protocol.
protocol-draft-start = Протокол түзөбүз. Күн тартибинин ар бир маселеси ({ $count }) боюнча эмне талкууланганын жана эмне чечилгенин сурайм.
protocol-ask-title = { $n }-маселе: { $title }
    Маселенин жаңы аталышын жазыңыз же «Ошол бойдон калтыруу» баскычын басыңыз.
protocol-keep-title = Ошол бойдон калтыруу
protocol-ask-discussed = { $n }-маселе: { $title }
    Эмне талкууланды?
protocol-ask-decided = Бул маселе боюнча эмне чечилди?
protocol-no-decision-button = Чечим кабыл алынган жок
protocol-text-hint = Жоопту текст менен жазыңыз.
protocol-ask-recommendation = { $count ->
    [0] Сунуштамалар: биринчи сунуштаманын текстин жөнөтүңүз же «Сунуштама жок» баскычын басыңыз.
   *[other] Сунуштамалар: { $count }. Кийинкисинин текстин жөнөтүңүз же «Даяр» баскычын басыңыз.
}
protocol-recommendations-done = { $count ->
    [0] Сунуштама жок
   *[other] Даяр
}
protocol-ask-addressee = Сунуштама кимге багытталган?
protocol-ask-addressee-name = Так кимге? Кимге багытталганын жазыңыз (мисалы: мектептин директору).
protocol-ask-due = Аткаруу мөөнөтү? Күндү жазыңыз, мисалы: 31.03.2027.
protocol-due-hint = Күндү 31.03.2027 түрүндө жазыңыз.
protocol-due-past = Бул мөөнөт өтүп кеткен. Бүгүндөн эрте эмес күндү жазыңыз.
protocol-draft-saved = Протоколдун долбоору сакталды.
protocol-draft-ready = 📝 № { $number } протоколдун долбоору даяр. Окуу жана пикир калтыруу — /protocol.
protocol-draft-revised = 📝 № { $number } протоколдун долбоору топтун жетекчиси тарабынан оңдолду: /protocol.
protocol-revised = Өзгөртүүлөр сакталды.
protocol-refused-not-found = Мындай протокол же жыйналыш жок.
protocol-refused-closed = Топтун иш мөөнөтү бүткөн: анын жазуулары мындан ары өзгөрбөйт.
protocol-refused-not-allowed = Протоколду топтун жетекчиси түзөт жана оңдойт.
protocol-refused-not-held = Протокол жыйналыштан кийин, катышкандар белгиленгенде түзүлөт (/attendance).
protocol-refused-exists = Бул жыйналыштын протоколу мурунтан бар: /protocol.
protocol-refused-not-draft = Протокол мындан ары долбоор эмес (добуш берүү ачылган же ал кабыл алынган): анын тексти өзгөрбөйт.
protocol-title =
    «{ $municipality }» биргелешкен мониторинг жана баалоо тобунун жыйналышынын
    ПРОТОКОЛУ № { $number } ({ $status })
protocol-status-draft = долбоор
protocol-status-voting = добуш берүүдө
protocol-status-signing = кабыл алынды, кол коюлууда
protocol-status-final = кол коюлган
protocol-date = Күнү: { $date }
protocol-attendees = Катышкандар ({ $members } мүчөдөн { $present }): { $names }
protocol-agenda = Күн тартиби жана чечимдер:
protocol-discussed = Талкууланды: { $text }
protocol-decided = Чечилди: { $text }
protocol-no-decision = Чечим кабыл алынган жок.
protocol-recommendations = Сунуштамалар ({ $count }):
protocol-recommendation = { $text } — кимге: { $addressee }; мөөнөтү: { $due }
addressee-head = айыл өкмөт башчысы
addressee-chair = айылдык кеңештин төрагасы
addressee-other = башка адресат
protocol-observations = Протоколго киргизилген байкоолор ({ $count }):
protocol-no-observations = Мурунку протоколдон бери байкоолор болгон жок.
protocol-ask-observations = Мурунку протоколдон берки байкоолор: { $count }. Алардын кайсынысын протоколго киргизесиз? «Баары» же «Эч бири» баскычын басыңыз, же номерлерин үтүр менен жазыңыз (алгачкы { $listed } ичинен), мисалы: 1, 3.
protocol-observations-all = Баары ({ $count })
protocol-observations-none = Эч бири
protocol-observations-hint = Тизмедеги номерлерди (1 – { $count }) үтүр менен жазыңыз же баскычты басыңыз.
protocol-edit-observations = ✏️ Байкоолор
protocol-no-comments = Азырынча пикирлер жок.
protocol-comments = Пикирлер ({ $count }):
protocol-comment = Пикир калтыруу
protocol-edit-item = ✏️ { $n }
protocol-edit-recommendations = ✏️ Сунуштамалар
protocol-edit-place = ✏️ Орду
protocol-open-vote = { $hours ->
    [24] Добуш берүүнү 24 саатка ачуу
    [72] Добуш берүүнү 3 күнгө ачуу
    [168] Добуш берүүнү бир жумага ачуу
   *[other] Добуш берүүнү ачуу: { $hours } саат
}
protocol-waits-vote = Күтүүдө: жетекчи добуш берүүнүн мөөнөтүн тандап (24 саат, 3 күн же 7 күн), долбоорду добуш берүүгө коёт.
protocol-waits-votes = Добуш берүүнүн акыркы мөөнөтү: { $deadline }. Азырынча добуш бере электер ({ $count }): { $names }
protocol-waits-signatures = Колтамгалар күтүлүүдө ({ $count }): { $names }
protocol-final-hash = Кол коюлган. Тексттин SHA-256: { $hash }
comment-ask = Протоколдун долбооруна пикириңизди жазыңыз (каалоо, шектенүү же тыянак).
comment-hint = Пикириңизди текст менен жазыңыз.
comment-saved = Пикир сакталды, топтун жетекчиси аны көрөт.
comment-to-leader = № { $number } протоколдун долбооруна жаңы пикир: { $text }
comment-refused-not-found = Мындай протокол жок.
comment-refused-closed = Топтун иш мөөнөтү бүткөн.
comment-refused-not-member = Пикирди топтун мүчөлөрү калтырат.
comment-refused-not-draft = Пикирлер протокол долбоор болуп турганда кабыл алынат.

## Добуш берүү

vote-for = Колдоймун
vote-against = Каршымын
vote-abstain = Калыс калам
vote-close = Добуш берүүнү жабуу (жетекчи)
vote-opened = Добуш берүү ачылды.
vote-title = 🗳 № { $number } протокол боюнча добуш берүү. Акыркы мөөнөтү: { $deadline }. Топтун мүчөлөрү ({ $voters }) добуш беришет; добуш ачык: ар бир мүчөнүн аты-жөнү жана добушу протоколго жазылат. Тексти — /protocol.
vote-closed-title = 🗳 № { $number } протокол боюнча добуш берүү жабылды: { $outcome }.
vote-outcome-adopted = протокол кабыл алынды
vote-outcome-rejected = протокол четке кагылды
vote-outcome-no-quorum = кворум жок
tally-for = Колдоймун — { $count }{ $names }
tally-against = Каршымын — { $count }{ $names }
tally-abstain = Калыс — { $count }{ $names }
tally-not-voted = Добуш берген жок — { $count }{ $names }
vote-result-adopted = ✅ № { $number } протокол кабыл алынды: { $voters } мүчөдөн { $cast } мүчө добуш берди, добуштардын жарымынан көбү — «колдоймун».
vote-result-rejected = ❌ № { $number } протокол четке кагылды: { $voters } мүчөдөн { $cast } мүчө добуш берди, «колдоймун» добуштары жарымынан ашкан жок.
vote-result-no-quorum = ❌ № { $number } протокол кабыл алынган жок: кворум жок ({ $voters } мүчөдөн { $cast } мүчө добуш берди; топтун мүчөлөрүнүн жарымынан көбү добуш бериши керек).
vote-back-to-draft = Протокол кайра долбоор болду: жетекчи аны оңдоп, кайра добуш берүүгө коё алат. Берилген добуштар сакталды.
vote-refused-not-found = Мындай протокол жок.
vote-refused-closed = Топтун иш мөөнөтү бүткөн.
vote-refused-not-allowed = Протоколду добуш берүүгө топтун жетекчиси коёт.
vote-refused-not-draft = Добуш берүү мурунтан ачылган же протокол кабыл алынган.
vote-refused-below-minimum = Топто { $count } мүчө бар, ал эми жобо боюнча «Топтун курамы беш мүчөдөн кем болбошу керек» ({ $min }). Мүчөлөр аз болуп турганда протоколду добуш берүүгө коюуга болбойт.
vote-refused-no-decisions = Протоколдо бир да чечим жок: добуш бере турган эч нерсе жок. Күн тартибинин маселелери боюнча чечимди жазыңыз (✏️).
vote-close-not-found = Мындай добуш берүү жок.
vote-close-not-allowed = Добуш берүүнү мөөнөтүнөн мурун топтун жетекчиси гана жаба алат.
vote-close-vote-closed = Добуш берүү мурунтан жабылган.
ballot-saved = Сиздин добушуңуз: { $choice }. Добуш берүү жабылганга чейин аны өзгөртсөңүз болот.
ballot-not-found = Мындай добуш берүү жок.
ballot-closed = Топтун иш мөөнөтү бүткөн.
ballot-not-member = Бул топтун мүчөлөрү гана добуш берет.
ballot-not-eligible = Сиз топко бул добуш берүү ачылгандан кийин кирдиңиз: ага ачылган учурда топтун мүчөсү болгондор добуш берет.
ballot-vote-closed = Добуш берүү жабылган: добуштар мындан ары кабыл алынбайт.

## Колтамгалар

signing-title = ✍️ № { $number } протокол кабыл алынды, анын тексти бекитилди (SHA-256: { $hash }…). Топтун жетекчиси жана катышкандар кол коюшат:
signer-leader = топтун жетекчиси
signer-attendee = топтун мүчөсү
signature-waiting = ⏳ { $name } ({ $role })
signature-left = — { $name } ({ $role }) кол коюп үлгүрбөй топтон чыкты
signature-line = ✅ { $name } ({ $role }), { $when }, колтамга коду { $code }
signature-dissent = Өзгөчө пикир: { $text }
sign-button = Кол коюу
sign-dissent-button = Өзгөчө пикир менен кол коюу
sign-invitation = № { $number } протокол кабыл алынды, сиздин колтамгаңыз керек (тексттин SHA-256: { $hash }…). Окуу — /protocol.
sign-done = Кол коюлду.
sign-done-dissent = № { $number } протоколго өзгөчө пикириңиз менен кол коюлду.
sign-ask-dissent = № { $number } протоколго өзгөчө пикириңизди жазыңыз: ал протоколго колтамгаңыздын жанына кирет.
sign-dissent-hint = Өзгөчө пикириңизди текст менен жазыңыз.
sign-not-found = Мындай протокол жок.
sign-closed = Топтун иш мөөнөтү бүткөн.
sign-not-signing = Бул протокол азыр кол коюуга ачык эмес.
sign-not-signer = Протоколго топтун жетекчиси жана жыйналышка катышкан мүчөлөр кол коюшат.
sign-already-signed = Сиз бул протоколго кол коюп койгонсуз.
final-posted = 📜 № { $number } протоколго бардыгы кол койду — протокол биротоло бекитилди.
final-vote = Добуш берүү:
final-signatures = Колтамгалар:
final-hash = Кол коюлган тексттин SHA-256: { $hash }
final-to-appointer = «{ $municipality }» тобунун кол коюлган № { $number } протоколу:
verify-usage = Протоколдун номерин жазыңыз: /verify 3/2026
verify-not-found = № { $number } протокол жок.
verify-not-frozen = № { $number } протокол азырынча кабыл алына элек: текшере турган эч нерсе жок.
verify-ok = ✅ № { $number } протокол: сакталган текст кол коюлган текст менен дал келет.
    SHA-256: { $stored }
    Колтамгалар: { $signed } / { $required }.
verify-mismatch = ⚠️ № { $number } протокол: сакталган текст кол коюлган текст менен ДАЛ КЕЛБЕЙТ!
    Кол коюлганы: { $stored }
    Азыркысы: { $recomputed }

## Абалы: жыйналыштар

status-next-meeting = Кийинки жыйналыш: { $when }, { $place }
status-no-next-meeting = Кийинки жыйналыш дайындала элек.
status-quarter-met = Бул кварталда жыйналыш өткөрүлдү.
status-quarter-missing = ⚠️ Бул кварталда азырынча жыйналыш болгон жок (жобо боюнча — кварталына бир жолудан кем эмес).
status-protocol = Иштелип жаткан протокол: № { $number } ({ $status })
status-no-protocol = Иштелип жаткан протокол жок.

## Кызмат көрсөтүүлөргө байкоолор

command-observe = Байкоо жазуу
command-observations = Топтун байкоолору
command-services = Топтун кызмат көрсөтүүлөрүнүн тизмеси
obs-help-member =
    /observe — кызмат көрсөтүүгө байкоо жазуу (жеке чатта)
    /observations — топтун байкоолору: кызмат көрсөтүү жана квартал боюнча
    /services — топтун кызмат көрсөтүүлөрүнүн тизмеси
svc-help-leader = /services — кызмат көрсөтүүнү кошуу, атын өзгөртүү же тизмеден чыгаруу (жеке чатта)

service-water = Ичүүчү суу
service-waste = Таштанды чыгаруу
service-lighting = Көчө жарыгы
service-roads = Жолдор
service-irrigation = Сугат суусу
service-school = Мектеп
service-kindergarten = Бала бакча
service-health = ФАП (медициналык пункт)
service-culture = Маданият үйү
service-unknown = Кызмат көрсөтүү

obs-quarter = { $year }-жылдын { $roman } кварталы
obs-compliance-yes = шайкеш
obs-compliance-partly = жарым-жартылай
obs-compliance-no = шайкеш эмес
obs-compliance-unknown = белгисиз
obs-score-1 = 1
obs-score-2 = 2
obs-score-3 = 3
obs-score-4 = 4
obs-score-5 = 5

obs-open-private = «{ $municipality }» тобу үчүн байкоо мен менен жеке чатта жазылат: баскычты басыңыз.
obs-add-button = Байкоо кошуу
obs-not-member = Байкоолорду «{ $municipality }» тобунун мүчөлөрү жазышат. Топко кирүү үчүн төмөнкү баскычты басыңыз же топтун чатында /join жөнөтүңүз.
obs-not-member-any = Байкоолорду БМжБ тобунун мүчөлөрү жазышат. Сиз азырынча эч бир топтун мүчөсү эмессиз: кирүү үчүн тобуңуздун чатында /join жөнөтүңүз.
obs-form-start = «{ $municipality }» тобу үчүн жаңы байкоо. Каалаган убакта жокко чыгаруу — /cancel.
obs-ask-service = Кайсы кызмат көрсөтүүгө байкоо жүргүздүңүз?
obs-ask-date = Качан? Баскычты басыңыз же датаны жазыңыз, мисалы 25.11 же 25.11.2026.
obs-date-today = Бүгүн
obs-date-yesterday = Кечээ
obs-date-hint = Датаны түшүнгөн жокмун. Мындай жазыңыз: 25.11 же 25.11.2026 — же «Бүгүн» / «Кечээ» баскычын басыңыз.
obs-date-future = Бул күн али келе элек. Байкоонун датасын жазыңыз — бүгүн же андан мурун.
obs-date-too-old = Байкоонун датасы бир жыл мурункудан эрте болбошу керек. Жакыныраак датаны жазыңыз.
obs-ask-place = Кайда? Жерди жазыңыз (көчө, айыл, объект) же жайгашкан жерди жөнөтүңүз: 📎 → «Геопозиция».
obs-place-hint = Жерди текст менен жазыңыз же жайгашкан жерди жөнөтүңүз.
obs-ask-place-text = Жайгашкан жер алынды. Жердин сыпаттамасын кошуңуз (көчө, объект) же «Өткөрүп жиберүү» баскычын басыңыз.
obs-place-skip = Өткөрүп жиберүү
obs-ask-quality = Кызмат көрсөтүүнүн сапаты: 1ден (абдан начар) 5ке чейин (абдан жакшы).
obs-ask-compliance = Кызмат көрсөтүү кабыл алынган стандартка шайкешби?
obs-ask-resources = Колдонулган ресурстардын сапаты (жабдуулар, материалдар, имараттар, адамдар): 1ден (абдан начар) 5ке чейин (абдан жакшы).
obs-ask-finding = Эмнени көрдүңүз? Жыйынтыгыңызды өз сөзүңүз менен жазыңыз ({ $max } белгиден ашпасын).
obs-finding-hint = Жыйынтыкты текст менен жазыңыз.
obs-ask-photos = Сүрөт жөнөтүңүз ({ $max } сүрөткө чейин) же сүрөт жок болсо «Даяр» баскычын басыңыз.
obs-photos-done = Даяр
obs-photo-received = { $count }-сүрөт алынды ({ $max } сүрөткө чейин болот). Дагы жөнөтүңүз же «Даяр» баскычын басыңыз.
obs-photo-last = { $count }-сүрөт алынды: { $max } сүрөттөн ашык тиркөөгө болбойт. «Даяр» баскычын басыңыз.
obs-photo-hint = Сүрөт жөнөтүңүз же «Даяр» баскычын басыңыз.
obs-photo-limit = { $max } сүрөттөн ашык тиркөөгө болбойт. Бул сүрөт кошулган жок; «Даяр» баскычын басыңыз.
obs-summary = «{ $municipality }» тобу үчүн байкоону текшериңиз:
obs-summary-save = Сактоо
obs-summary-edit = Оңдоо
obs-summary-cancel = Жокко чыгаруу
obs-ask-field = Эмнени оңдойсуз?
obs-field-service = Кызмат көрсөтүү
obs-field-date = Дата
obs-field-place = Жер
obs-field-quality = Кызматтын сапаты
obs-field-compliance = Стандарт
obs-field-resources = Ресурстар
obs-field-finding = Жыйынтык
obs-field-photos = Сүрөттөр (кайрадан)
obs-saved = Байкоо сакталды. Топтун бардык байкоолору — /observations, жаңысы — /observe.
obs-updated = Байкоо оңдолду.
obs-too-many-rounds = Бир формада оңдоолор өтө көп болду: эч нерсе сакталган жок. Кайрадан баштаңыз: /observe.
obs-refused-not-found = Мындай байкоо же топ жок.
obs-refused-closed = Топтун иш мөөнөтү бүткөн: анын жазуулары мындан ары өзгөрбөйт.
obs-refused-not-member = Сиз мындан ары «{ $municipality }» тобунун мүчөсү эмессиз: байкоо сакталган жок.
obs-refused-service-retired = Бул кызмат көрсөтүү топтун тизмесинен чыгарылган. «Оңдоо» баскычын басып, башка кызмат көрсөтүүнү тандаңыз.
obs-refused-invalid = Байкоодо бир нерсе туура эмес (мисалы, датасы өтө эски болуп калды). «Оңдоо» баскычын басыңыз.
obs-refused-not-author = Байкоону анын автору гана, топтун мүчөсү болуп турганда, оңдой же кайтарып ала алат.
obs-refused-withdrawn = Бул байкоо буга чейин кайтарылып алынган.
obs-refused-locked = Байкоо кол коюлган протоколго киргизилген, ошондуктан аны мындан ары оңдоого же кайтарып алууга болбойт.
obs-refused-private-only = Байкоолорду мен менен жеке чатта оңдоого жана кайтарып алууга болот.

obs-card-title = Байкоо: { $service }, { $date }
obs-card-withdrawn = ⚠️ Автор тарабынан кайтарылып алынган
obs-card-locked = 🔒 Кол коюлган протоколго киргизилген
obs-card-service = Кызмат көрсөтүү: { $service }
obs-card-date = Дата: { $date }
obs-card-place = Жер: { $place }
obs-card-location = Жайгашкан жер: { $lat }, { $lon }
obs-card-quality = Кызмат көрсөтүүнүн сапаты: 5тен { $score }
obs-card-compliance = Стандартка шайкештиги: { $value }
obs-card-resources = Ресурстардын сапаты: 5тен { $score }
obs-card-finding = Жыйынтык: { $finding }
obs-card-photos = Сүрөттөр: { $count }
obs-card-author = Автору: { $name }

obs-list-title = «{ $municipality }» тобунун байкоолору
obs-list-filter = Кызмат көрсөтүү: { $service }; мезгил: { $quarter }
obs-filter-all-services = бардык кызмат көрсөтүүлөр
obs-filter-all-quarters = бардык кварталдар
obs-list-empty = Азырынча байкоолор жок. Жазуу — /observe.
obs-list-range = Байкоолор: { $from }–{ $to } (бардыгы { $total }). Ачуу үчүн номери бар баскычты басыңыз.
obs-list-line = { $n }. { $date } — { $service }: сапаты { $quality }, ресурстар { $resources }, стандарт: { $compliance } ({ $author })
obs-list-newer = ◀ Жаңыраак
obs-list-older = Эскирээк ▶
obs-filter-service = Кызмат көрсөтүү…
obs-filter-quarter = Квартал…
obs-edit = Оңдоо
obs-withdraw = Кайтарып алуу
obs-withdraw-confirm = Байкоону кайтарып аласызбы ({ $service }, { $date })? Ал топтун жазууларында «кайтарылып алынган» белгиси менен калат жана жыйынтыктарда эсептелбейт.
obs-withdraw-yes = Ооба, кайтарып алам
obs-withdraw-no = Жок
obs-withdraw-kept = Байкоо кайтарылып алынган жок.
obs-withdrawn = Байкоо кайтарылып алынды ({ $service }, { $date }).

svc-title = «{ $municipality }» тобу байкоо жүргүзгөн кызмат көрсөтүүлөр:
svc-retired-title = Тизмеден чыгарылгандар (алардын байкоолору сакталат):
svc-rename = ✏️ { $name }
svc-retire = Чыгаруу
svc-restore = ↩️ Кайтаруу: { $name }
svc-add = ➕ Кызмат көрсөтүү кошуу
svc-manage-in-private = Топтун жетекчиси тизмени мен менен жеке чатта өзгөртөт: /services.
svc-ask-name-ky = Кызмат көрсөтүүнүн кыргызча аталышы:
svc-ask-rename-ky = Кызмат көрсөтүүнүн жаңы кыргызча аталышы:
svc-ask-name-ru = Орусча аталышы:
svc-name-hint = Кызмат көрсөтүүнүн аталышын текст менен жазыңыз.
svc-saved = Сакталды: «{ $name }». Тизме — /services.
svc-retired-toast = Кызмат көрсөтүү тизмеден чыгарылды.
svc-restored-toast = Кызмат көрсөтүү тизмеге кайтарылды.
svc-refused-not-found = Мындай кызмат көрсөтүү же топ жок.
svc-refused-closed = Топтун иш мөөнөтү бүткөн: анын жазуулары мындан ары өзгөрбөйт.
svc-refused-not-allowed = Кызмат көрсөтүүлөрдүн тизмесин топтун жетекчиси өзгөртөт.

service-summary-none = { $quarter } боюнча азырынча байкоолор жок.
service-summary-title = { $quarter } боюнча байкоолор: { $count }
service-summary-line = • { $service }: { $count } — сапаты { $quality }, ресурстар { $resources }; стандарт: { $compliance }
service-summary-share = { $answer } { $percent }%
obs-help-appointer = /observations — топтун байкоолору: кызмат көрсөтүү жана квартал боюнча
obs-no-services = «{ $municipality }» тобунун тизмесинде бир да иштеп турган кызмат көрсөтүү жок. Топтун жетекчиси аларды /services буйругу менен кошот.
## Эскертүүлөр

command-reminders = Топтун эскертүүлөрү
reminders-title = «{ $municipality }» тобунун эскертүүлөрү (Бишкек убактысы):
reminders-quarter-start = • Кварталдын башталышы: { $date }, саат 10:00, эгер жыйналыш али дайындала элек болсо — { $state }
reminders-quarter-end = • Квартал бүтөөрдөн мурун (саат 10:00дө), жыйналыш өткөрүлө элек болсо: { $dates } — { $state }
reminders-meeting = • Жыйналыш тууралуу: 24 саат мурун — { $state24 }, 1 саат мурун — { $state1 }
reminders-private = • Жеке чатта: добуш берүү бүтөөрдөн 24 саат мурун — добуш бере электерге; күнүнө бир жолу, бир жумадан ашпай, — протоколго кол коё электерге.
reminders-quiet = Саат 21:00дөн 09:00гө чейин эч нерсе жөнөтпөйм: мындай эскертүүлөр саат 09:00дө жөнөтүлөт.
reminders-on = күйүк
reminders-off = өчүк
reminders-toggle-quarter-start = Кварталдын башталышы: { $state }
reminders-toggle-quarter-end = Кварталдын аягы: { $state }
reminders-toggle-meeting-24h = Жыйналыштан 24 саат мурун: { $state }
reminders-toggle-meeting-1h = Жыйналыштан 1 саат мурун: { $state }
reminders-not-leader = Топтун чатындагы эскертүүлөрдү топтун жетекчиси күйгүзөт жана өчүрөт.
reminders-saved = Сакталды.
reminders-muted = Жеке чаттагы эскертүүлөр өчүрүлдү.
reminders-unmuted = Жеке чаттагы эскертүүлөр күйгүзүлдү.
reminders-mute = Менин эскертүүлөрүмдү өчүрүү
reminders-unmute = Менин эскертүүлөрүмдү күйгүзүү
reminder-quarter-start = { $year }-жылдын { $quarter } кварталы башталды. «{ $municipality }» тобунун жыйналышы али дайындала элек, ал эми жобо боюнча жыйналыш кварталына бир жолудан кем эмес өткөрүлөт.
reminder-quarter-end = { $quarter } кварталдын аягына { $days } күн калды, ал эми «{ $municipality }» тобунун бул кварталдагы жыйналышы али өткөрүлө элек. Жобо боюнча жыйналыш кварталына бир жолудан кем эмес өткөрүлөт.
reminder-meeting-24h = Эртең топтун жыйналышы: { $when }, орду: { $place }.
reminder-meeting-1h = Бир сааттан кийин топтун жыйналышы: { $when }, орду: { $place }.
reminder-schedule-meeting = Жыйналышты дайындоо
reminder-vote = № { $number }/{ $year } протокол боюнча добуш берүү жабылат: { $deadline }. Сиз али добуш бере элексиз — ушул жерден эле добуш бере аласыз:
reminder-sign = № { $number }/{ $year } протокол сиздин колтамгаңызды күтүп турат (эскертүү: { $day } / { $days }).
reminder-sign-button = Кол коюу

## Черновики форм
draft-pending = Сизде аягына чыгарылбаган форма бар: { $form } (акыркы өзгөртүү: { $since }). Аны улантасызбы же өчүрүп, жаңысын баштайсызбы?
draft-title-observation = байкоо
draft-title-protocol = протоколдун долбоору
draft-resume = Улантуу
draft-discard = Өчүрүп, жаңысын баштоо
draft-discarded = Аягына чыгарылбаган форма өчүрүлдү.
draft-swept = Аягына чыгарылбаган форма өчүрүлдү, ал көптөн бери толтурулган жок: { $form } (акыркы өзгөртүү: { $since }). Ыңгайлуу убакта кайра баштаңыз.
obs-finding-voice = 🎤 үн билдирүү

## План, мөөнөт, тапшырмалар, маалымат суроо

command-plan = Топтун иш планы
command-assign = Мүчөлөргө тапшырма берүү
command-assignments = Тапшырмалар жана алардын мөөнөттөрү
command-inforequest = Маалымат суроону жазуу
command-inforequests = Маалымат суроолор жана жооптор
command-endterm = Топтун иш мөөнөтүн аяктоо
statute-help-member =
    /plan — топтун иш планы
    /assignments — тапшырмалар; өзүңүздүкүн кабыл алуу жана отчет берүү (жеке чатта)
    /inforequests — маалымат суроолор жана аларга жооптор
statute-help-leader =
    /plan — мезгилге иш планын жазуу (айыл өкмөт башчысы же айылдык кеңештин төрагасы бекитет)
    /assign — бир же бир нече мүчөгө тапшырма берүү; отчетту кабыл алуу же кайтаруу — /assignments
    /inforequest — айыл өкмөт башчысына же кызмат көрсөтүүчүгө маалымат суроону жазуу; жооп — /inforequests
statute-help-appointer =
    /plan — топтун иш планын бекитүү
    /endterm — топтун иш мөөнөтүн аяктоо (себеби менен)
    /inforequests — айыл өкмөт башчысына жолдонгон маалымат суроого жооп берүү
group-read-only = Топтун иш мөөнөтү аяктады («{ $municipality }»): анын жазуулары окуу үчүн гана жеткиликтүү жана мындан ары өзгөрбөйт.
date-hint = Күндү жазыңыз, мисалы 31.12 же 31.12.2027.
date-past = Бул күн өтүп кетти. Бүгүнкү же андан кийинки күндү жазыңыз.
files-done = Даяр
files-hint-photos = Сүрөт жөнөтүңүз же «Даяр» баскычын басыңыз.
files-hint-documents = Файл же сүрөт жөнөтүңүз же «Даяр» баскычын басыңыз.
files-limit = Мындан ашык болбойт: эң көп { $max }. «Даяр» баскычын басыңыз.
files-received = Алынды: { $count } / { $max }. Дагы жөнөтүңүз же «Даяр» баскычын басыңыз.
unreachable-to-leader-blocked = Жеке чатка жаза албайм: { $name } («{ $municipality }» тобу). Себеби: бот бөгөттөлгөн. Билдирүүлөр сакталды, бөгөт алынганда жеткирилет.
unreachable-to-leader-not-started = Жеке чатка жаза албайм: { $name } («{ $municipality }» тобу). Себеби: бот жеке чатта азырынча иштетиле элек. Билдирүүлөр сакталды, бот иштетилгенде жеткирилет.
unreachable-in-group = { $name }, сиз үчүн боттон билдирүүлөр бар, бирок Telegram сизге биринчи жазууга уруксат бербейт. Баскычты, андан кийин «Старт» баскычын басыңыз: билдирүүлөр дароо келет.
unreachable-open-button = Бот менен чатты ачуу

term-end-ask-reason = Топтун иш мөөнөтүн аяктоо («{ $municipality }»). Себебин жазыңыз: ал топтун жазууларына кирет.
term-end-reason-hint = Себебин текст менен жазыңыз (5тен 500 белгиге чейин).
term-end-confirm =
    Топтун иш мөөнөтүн аяктайсызбы («{ $municipality }»)? Андан кийин топтун жазуулары окуу үчүн гана жеткиликтүү болот.
    Себеби: { $reason }
term-end-yes = Ооба, аяктоо
term-end-no = Жок
term-end-kept = Иш мөөнөтү аяктаган жок.
term-end-done = Топтун иш мөөнөтү аяктады.
term-refused-not-found = Мындай топ жок.
term-refused-closed = Топтун иш мөөнөтү буга чейин эле аяктаган.
term-refused-not-allowed = Топтун иш мөөнөтүн айыл өкмөт башчысы же айылдык кеңештин төрагасы гана аяктай алат.
term-ended =
    Топтун иш мөөнөтү аяктады («{ $municipality }», күнү: { $date }). Топтун жазуулары окуу үчүн гана жеткиликтүү.
    Себеби: { $reason }
term-ask-done = Топтун жыйынтыктоочу отчету жарыяланды («{ $municipality }»). Топтун иш мөөнөтү белгиленген эмес; жобо боюнча топ жыйынтыктар тууралуу отчет бергенден кийин ишин токтотот. Топтун иши аяктадыбы? (Айыл өкмөт башчысы же айылдык кеңештин төрагасы жооп берет.)
term-done-yes = Ооба, иш аяктады
term-done-no = Жок, иш уланат
term-continues = Топ ишин улантат.
term-reason-final-report = иштин жыйынтыктары боюнча жыйынтыктоочу отчет жарыяланды

plan-title = Топтун иш планы, мөөнөтү: { $date }
plan-services = Кызмат көрсөтүүлөр: { $text }
plan-focus = Эмнени изилдейбиз: { $text }
plan-approved = ✅ Бекитилген.
plan-awaiting = ⏳ Айыл өкмөт башчысынын же айылдык кеңештин төрагасынын бекитүүсүн күтүүдө.
plan-none = Топтун иш планы азырынча жазыла элек.
plan-record-button = Жаңы план жазуу
plan-approve-button = Планды бекитүү
plan-ask-services = Иш планы. Бул мезгилде топ кайсы кызмат көрсөтүүлөрдү изилдейт?
plan-ask-focus = Топ так эмнени изилдейт (маселелер, көрсөткүчтөр)?
plan-ask-until = План кайсы күнгө чейин? Мисалы 31.03 же 31.03.2027. Бекитилген план топтун иш мөөнөтүн белгилейт.
plan-text-hint = Текст менен жазыңыз (3төн 1000 белгиге чейин).
plan-saved = План жазылды жана бекитүүгө жөнөтүлдү.
plan-to-appointer = Топтун жетекчиси иш планын жазды («{ $municipality }»); аны бекитүү керек:
plan-approved-done = План бекитилди.
plan-approved-group = ✅ Топтун иш планы бекитилди. Топтун иш мөөнөтү — пландын аягына чейин.
plan-refused-not-found = Мындай топ жок.
plan-refused-closed = Топтун иш мөөнөтү аяктады: анын жазуулары мындан ары өзгөрбөйт.
plan-refused-not-allowed = Планды топтун жетекчиси жазат, айыл өкмөт башчысы же айылдык кеңештин төрагасы бекитет.
plan-refused-past = Пландын аяктоо күнү өтүп кетти.
plan-refused-superseded = Бул пландын ордуна жаңысы жазылган: /plan ачыңыз.
plan-refused-already-approved = План буга чейин бекитилген.

assignment-any-service = белгилүү бир кызмат көрсөтүүсүз
assignment-to-member =
    📌 Топтун жетекчисинин тапшырмасы.
    Эмне кылуу керек: { $task }
    Кызмат көрсөтүү: { $service }
    Мөөнөтү: { $date }
    Аны кабыл алыңыз жана аткарганда баскыч менен отчет бериңиз.
assignment-accept-button = Кабыл алуу
assignment-report-button = Отчет берүү
assignment-done-button = ✅ Аткарылды
assignment-return-button = ↩️ Кайтаруу
assign-ask-members = Тапшырманы кимге бересиз? Номерлерин үтүр менен жазыңыз, мисалы 1, 3.
assign-members-hint = Тизмедеги номерлерди (1ден { $count } чейин) үтүр менен жазыңыз.
assign-ask-task = Эмне кылуу керек?
assign-task-hint = Тапшырманы текст менен жазыңыз (3төн 1000 белгиге чейин).
assign-ask-service = Кайсы кызмат көрсөтүү?
assign-ask-due = Аткаруу мөөнөтү? Мисалы 15.12 же 15.12.2026.
assign-saved = Тапшырма берилди, мүчөлөрдүн саны: { $count }.
assignment-refused-not-found = Мындай тапшырма жок.
assignment-refused-closed = Топтун иш мөөнөтү аяктады: анын жазуулары мындан ары өзгөрбөйт.
assignment-refused-not-allowed = Тапшырманы топтун жетекчиси берет жана текшерет; аны кабыл алып, отчет бере турган — тапшырма берилген адам гана.
assignment-refused-not-member = Тапшырманы топтун учурдагы мүчөлөрүнө гана берүүгө болот.
assignment-refused-past = Тапшырманын мөөнөтү өтүп кетти.
assignment-refused-wrong-status = Азыр муну кылууга болбойт: /assignments караңыз.
report-ask-text = Тапшырманын аткарылышы боюнча отчет: эмне жасалды?
report-text-hint = Отчетту текст менен жазыңыз (3төн 1000 белгиге чейин).
report-ask-photos = Сүрөттөрдү жөнөтүңүз (эң көп { $max }) же «Даяр» баскычын басыңыз.
report-ask-observations = Отчетко байкоолоруңузду байланыштырасызбы? Номерлерин үтүр менен жазыңыз же «Байкоосуз» баскычын басыңыз.
report-no-observations = Байкоосуз
report-observations-hint = Тизмедеги номерлерди (1ден { $count } чейин) жазыңыз же «Байкоосуз» баскычын басыңыз.
report-saved = Отчет топтун жетекчисине жөнөтүлдү.
assignment-reported =
    📨 Тапшырма боюнча отчет. Аткаруучу: { $name }
    Тапшырма: { $task }
    Кызмат көрсөтүү: { $service }
    Мөөнөтү: { $date }
assignment-attached = Сүрөттөр: { $photos }; байкоолор: { $observations }.
assignments-title = Топтун ачык тапшырмалары («{ $municipality }»):
assignments-none = Топто ачык тапшырмалар жок («{ $municipality }»).
assignments-line = { $n }. { $name }: { $task } ({ $service }) — мөөнөтү: { $date }, { $status }
assignments-line-overdue = { $n }. ⚠️ { $name }: { $task } ({ $service }) — мөөнөтү өттү: { $date }, { $status }
assignments-more = …дагы { $count }.
assignment-status-given = кабыл алына элек
assignment-status-accepted = аткарылууда
assignment-status-reported = отчет текшерүүнү күтүүдө
assignment-status-done = аткарылды
assignment-accept-n = Кабыл алуу: { $n }
assignment-report-n = Отчет берүү: { $n }
assignment-done-n = ✅ { $n }
assignment-return-n = ↩️ { $n }
assignment-accepted = Тапшырма кабыл алынды.
assignment-accepted-to-leader = Тапшырма кабыл алынды. Аткаруучу: { $name }. Тапшырма: { $task }
assignment-marked-done = Аткарылды деп белгиленди.
assignment-marked-returned = Кайра иштеп чыгууга кайтарылды.
assignment-done-to-member = ✅ Топтун жетекчиси отчетуңузду кабыл алды, тапшырма аткарылды: { $task }
assignment-returned-to-member = ↩️ Топтун жетекчиси отчетту кайра иштеп чыгууга кайтарды. Тапшырма: { $task } (мөөнөтү: { $date }). Баскыч менен кайра отчет бериңиз.
reminder-assignment-due = Тапшырма тууралуу эскертүү (мөөнөтү: { $date }): { $task }
reminder-assignment-overdue = ⚠️ Тапшырманын мөөнөтү өттү ({ $date }), бирок отчет жок. Тапшырма: { $task }

info-to-button-head = Айыл өкмөт башчысына
info-to-button-provider = Кызмат көрсөтүүчүгө же кызматкерге
info-to-head = айыл өкмөт башчысы
info-ask-to = Маалымат суроо кимге жолдонот?
info-ask-provider = Так кимге (уюм, кызмат орду, аты)?
info-provider-hint = Кимге экенин текст менен жазыңыз (2ден 100 белгиге чейин).
info-ask-subject = Кандай маалымат, документтер же материалдар керек?
info-subject-hint = Суроону текст менен жазыңыз (3төн 1000 белгиге чейин).
info-ask-due = Жооп кайсы мөөнөткө керек? Мисалы 15.12 же 15.12.2026.
info-refused-not-found = Мындай суроо жок.
info-refused-closed = Топтун иш мөөнөтү аяктады: анын жазуулары мындан ары өзгөрбөйт.
info-refused-not-allowed = Суроолорду топтун жетекчиси жазат; жоопту топтун жетекчиси же, суроо ага жолдонгон болсо, айыл өкмөт башчысы жазат.
info-refused-past = Бул мөөнөт өтүп кетти.
info-refused-answered = Бул суроого жооп буга чейин жазылган.
info-saved-recorded = Суроо жазылды. Жооп келгенде аны /inforequests аркылуу жазыңыз.
info-saved-sent = Суроо жазылды жана айыл өкмөт башчысына жеке чатка жөнөтүлдү.
info-saved-kept = Суроо жазылды. Айыл өкмөт башчысына азыр жеке чатка жазууга мүмкүн эмес: ал бот менен чатты ачканда суроо дароо жеткирилет.
info-saved-no-head = Суроо жазылды, бирок айыл өкмөт башчысы топто катталган эмес: суроону өзүңүз жеткириңиз жана жоопту /inforequests аркылуу жазыңыз.
info-to-head-message =
    📨 БМжБ тобунан маалымат суроо («{ $municipality }»).
    Эмне керек: { $subject }
    Жооп берүү мөөнөтү: { $date }
    Жоопту баскыч менен берсеңиз болот: текст жана файлдар.
info-answer-button = Жоопту жазуу
info-ask-answer = Суроого жоопту жазыңыз (текст).
info-answer-hint = Жоопту текст менен жазыңыз (1000 белгиге чейин).
info-ask-files = Жоопко файлдарды же сүрөттөрдү жөнөтүңүз (эң көп { $max }) же «Даяр» баскычын басыңыз.
info-answer-saved = Жооп жазылды.
info-answered-group =
    📬 Маалымат суроого жооп алынды.
    Кимге: { $to }
    Суроо: { $subject }
    Жооп: { $answer }
info-answered-to-leader =
    📬 Топтун маалымат суроосуна жооп («{ $municipality }»).
    Суроо: { $subject }
    Жооп: { $answer }
info-title = Топтун жооп алына элек маалымат суроолору («{ $municipality }»):
info-none = Топтун жооп алына элек маалымат суроолору жок («{ $municipality }»).
info-line = { $n }. { $to }: { $subject } — мөөнөтү: { $date }
info-line-overdue = { $n }. ⚠️ { $to }: { $subject } — мөөнөтү өттү: { $date }
info-more = …дагы { $count }.
info-answer-n = Жоопту жазуу: { $n }

status-plan-none = Иш планы: жазыла элек
status-plan-approved = Иш планы: бекитилген, мөөнөтү: { $date }
status-plan-awaiting = Иш планы: бекитүүнү күтүүдө, мөөнөтү: { $date }
status-term-ended = Иш мөөнөтү аяктады (күнү: { $date }). Себеби: { $reason }
status-assignments = Ачык тапшырмалар: { $count }
status-assignments-overdue = ⚠️ Мөөнөтү өткөн тапшырмалар: { $count }
status-info = Жооп алына элек маалымат суроолор: { $count }
status-info-overdue = ⚠️ Мөөнөтү өткөн маалымат суроолор: { $count }
reminders-assignments = • Тапшырмалар: аткаруучуга жеке чатта — мөөнөттөн бир күн мурун жана мөөнөтү отчетсуз өткөндө бир жолу.
signature-with-dissent = (өзгөчө пикир менен)
signing-dissents-in-protocol = Өзгөчө пикирлер протоколдо: /protocol.

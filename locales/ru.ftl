## Общие слова

category-specialist = специалист органа местного самоуправления
category-deputy = депутат местного кенеша
category-invited = привлечённый специалист
category-ngo = представитель НКО
category-entrepreneur = предприниматель
category-resident = житель
office-head = глава айыл окмоту
office-chair = председатель айылного кенеша
language-name-ky = Кыргызча
language-name-ru = Русский
term-none = без срока

## Команды (меню Telegram)

command-start = Начать работу с ботом
command-help = Что я могу здесь сделать
command-join = Вступить в группу
command-members = Состав группы
command-status = Состояние группы
command-leave = Выйти из группы
command-appoint = Назначить руководителя группы
command-addappointer = Добавить второго назначающего (ответом на сообщение)
command-setup = Зарегистрировать группу в этом чате
command-language = Язык
command-cancel = Отменить заполнение формы

## Начало и справка

start-greeting =
    Здравствуйте, { $name }!
    Я веду работу группы совместного мониторинга и оценки (СМиО) айыльного аймака: состав группы, наблюдения за местными услугами, заседания, голосование и подписание протоколов.
    Чтобы вступить в группу, нажмите «Вступить» в чате вашей группы или отправьте /join. Все команды — /help.
start-in-group = Я работаю здесь по командам. Список того, что вы можете сделать, — /help.
bot-added =
    Здравствуйте! Я помогаю вести группу совместного мониторинга и оценки (СМиО).
    Глава айыл окмоту или председатель айылного кенеша, будучи администратором этого чата, регистрирует группу командой /setup.
help-intro = Группа совместного мониторинга и оценки (СМиО): что вы можете сделать.
help-everyone =
    Каждый:
    /join — подать заявку на вступление в группу
    /language — выбрать язык
    /help — эта справка
help-member =
    Член группы:
    /members — состав группы
    /status — состояние группы
    /leave — выйти из группы (в любое время)
help-leader =
    Руководитель группы:
    одобряет и отклоняет заявки на вступление (кнопки в сообщении о заявке; ожидающие заявки — в /members в личном чате)
help-appointer =
    Глава айыл окмоту и председатель айылного кенеша:
    /appoint — назначить руководителя группы
    /addappointer — ответом на сообщение второго должностного лица добавить его
    одобряют и отклоняют заявки на вступление
help-unregistered = Этот чат ещё не зарегистрирован как группа СМиО. Администратор чата — глава айыл окмоту или председатель айылного кенеша — отправляет здесь /setup.

## Регистрация группы

setup-in-group = Группу регистрируют в её чате: добавьте меня в чат группы и отправьте там /setup.
setup-not-admin = Зарегистрировать группу может только администратор этого чата (глава айыл окмоту или председатель айылного кенеша).
setup-anonymous = Вы пишете анонимно от имени чата, и я не могу узнать, кто вы. Отключите анонимность в правах администратора и отправьте /setup снова.
setup-already-registered = Этот чат уже зарегистрирован как группа СМиО. Её состояние — /status.
setup-ask-office = Регистрация группы СМиО. Кто вы?
setup-ask-municipality = Название айыльного аймака (как в документах), например: Мин-Булак айыл аймагы.
setup-municipality-hint = Напишите название айыльного аймака текстом.
setup-ask-language = На каком языке я буду писать в этот чат?
setup-ask-term = До какой даты действует группа? Ответьте на это сообщение датой (например, 31.12.2027) или нажмите «Без срока».
setup-term-none = Без срока
setup-term-hint = Напишите дату в виде 31.12.2027 или нажмите «Без срока».
setup-term-past = Срок должен быть в будущем. Напишите более позднюю дату.
setup-done =
    Группа совместного мониторинга и оценки «{ $municipality }» зарегистрирована.
    Назначающий: { $office }. Срок: { $term }.
    Чтобы вступить, нажмите кнопку ниже: форма откроется в личном чате со мной.
group-not-registered = Этот чат не зарегистрирован как группа СМиО. Администратор чата регистрирует его командой /setup.

## Вступление

join-button = Вступить в группу
join-open-private = Заявка на вступление в группу «{ $municipality }» заполняется в личном чате со мной: нажмите кнопку.
join-pick-group = В какую группу вы хотите вступить?
join-ask-link = Откройте чат вашей группы и отправьте там /join, или перейдите по ссылке-приглашению группы.
join-ask-name = Заявка на вступление в группу «{ $municipality }». Напишите ваши фамилию, имя и отчество так, как они должны стоять в протоколах.
join-name-hint = Напишите ваше полное имя текстом.
join-ask-category = Кого вы представляете в группе?
join-ask-consent =
    Проверьте заявку:
    Группа: { $municipality }
    Имя: { $name }
    Категория: { $category }

    Ваше имя и категория будут видны членам группы и войдут в её протоколы. Вы согласны?
join-consent-yes = Согласен(на), отправить
join-consent-no = Не согласен(на)
join-no-consent = Заявка не отправлена, ничего не сохранено. Вы можете начать заново в любое время: /join.
join-sent = Заявка в группу «{ $municipality }» отправлена. Я сообщу, когда её рассмотрят.
join-refused-not-found = Такой группы нет. Откройте чат вашей группы и отправьте там /join.
join-refused-closed = Срок работы группы «{ $municipality }» окончен: новые заявки не принимаются.
join-refused-already-member = Вы уже член группы «{ $municipality }».
join-refused-already-pending = Ваша заявка в группу «{ $municipality }» уже ждёт решения.
join-approved = Ваша заявка одобрена: вы член группы совместного мониторинга и оценки «{ $municipality }». Что вы можете делать — /help.
join-refused = Ваша заявка в группу «{ $municipality }» отклонена.

## Заявки

request-card =
    Заявка на вступление в группу «{ $municipality }»
    Имя: { $name }
    Категория: { $category }
request-approve = Одобрить
request-refuse = Отклонить
request-approved-toast = Заявка одобрена.
request-refused-toast = Заявка отклонена.
request-was-approved = Одобрено: { $by }.
request-was-refused = Отклонено: { $by }.
request-not-found = Такой заявки нет.
request-closed = Срок работы группы окончен: заявки больше не рассматриваются.
request-not-allowed = Решение по заявкам принимают глава айыл окмоту, председатель айылного кенеша или руководитель группы.
request-already-member = Этот человек уже член группы.
request-already-decided = По этой заявке уже принято решение.
member-joined = В группу вступил(а) { $name } ({ $category }).

## Состав

composition-count = { $count ->
    [one] В группе { $count } член
    [few] В группе { $count } члена
   *[many] В группе { $count } членов
} (минимум по положению — { $min }).
below-minimum = ⚠️ По положению в группе должно быть не менее { $min } членов. Пока их меньше, протокол нельзя поставить на голосование.
members-title = Состав группы «{ $municipality }»:
members-none = Членов пока нет.
members-leader-mark = , руководитель группы
members-unreachable-mark = , ⚠️ не получает мои сообщения в личном чате
no-groups = Вы пока не состоите ни в одной группе. Вступить — /join.
pick-group = Какая группа?
picked-group = Группа «{ $municipality }».
not-your-group = Вы не состоите в этой группе.

## Выход

leave-confirm = Выйти из группы «{ $municipality }»? Ваши наблюдения, голоса и подписи останутся в записях группы.
leave-yes = Да, выйти
leave-no = Нет, остаться
leave-kept = Вы остаётесь в группе.
leave-done = Вы вышли из группы «{ $municipality }».
leave-not-member = Вы не член группы «{ $municipality }».
leave-not-found = Такой группы нет.
leave-closed = Срок работы группы окончен: её записи больше не меняются.
member-left = { $name } вышел(ла) из группы.
leader-left = У группы нет руководителя: его назначает глава айыл окмоту или председатель айылного кенеша (/appoint).
leader-left-appointer = Руководитель группы «{ $municipality }» { $name } вышел(ла) из группы. Назначьте нового руководителя: /appoint.

## Руководитель

appoint-pick = Кого назначить руководителем группы «{ $municipality }»?
appoint-no-members = В группе пока нет членов, назначать некого.
appoint-not-allowed = Руководителя группы назначает глава айыл окмоту или председатель айылного кенеша.
appoint-not-member = { $name } не является членом группы. Руководителем можно назначить только члена группы.
appoint-not-found = Такой группы нет.
appoint-closed = Срок работы группы окончен: её записи больше не меняются.
appoint-already-leader = { $name } уже руководитель группы.
leader-appointed = Руководителем группы «{ $municipality }» назначен(а) { $name }.
leader-appointed-you = Вы назначены руководителем группы «{ $municipality }». Что вы можете делать — /help.
addappointer-in-group = Отправьте /addappointer в чате группы ответом на сообщение второго должностного лица.
addappointer-reply = Отправьте /addappointer ответом на сообщение того, кого вы добавляете (главы айыл окмоту или председателя айылного кенеша).
addappointer-done = { $name } добавлен(а) как { $office }.
addappointer-not-found = Этот чат не зарегистрирован как группа СМиО.
addappointer-closed = Срок работы группы окончен: её записи больше не меняются.
addappointer-not-allowed = Второе должностное лицо добавляет глава айыл окмоту или председатель айылного кенеша этой группы.
addappointer-already-appointer = { $name } уже назначающее лицо группы.
addappointer-offices-filled = Обе должности (глава айыл окмоту и председатель айылного кенеша) уже заняты.

## Состояние

status-title = Группа совместного мониторинга и оценки «{ $municipality }»
status-closed = Срок работы группы окончен: записи доступны только для чтения.
status-leader = Руководитель группы: { $name }
status-no-leader = Руководитель группы не назначен.
status-appointer = { $office ->
    [head] Глава айыл окмоту
   *[chair] Председатель айылного кенеша
}: { $name }
status-pending = { $count ->
    [one] { $count } заявка ждёт решения
    [few] { $count } заявки ждут решения
   *[many] { $count } заявок ждут решения
}
status-term = Срок работы: до { $date }
status-term-none = Срок работы: без срока

## Язык

language-ask = Выберите язык.
language-ask-group = Выберите язык сообщений в этом чате.
language-set = Теперь я пишу вам по-русски.
language-set-group = Теперь я пишу в этот чат по-русски.
language-group-not-allowed = Язык чата группы меняют назначающие лица и руководитель группы. Свой язык выберите командой /language в личном чате со мной.

## Формы и ошибки

cancel-done = Заполнение отменено, ничего не сохранено.
cancel-nothing = Сейчас нечего отменять.
form-use-buttons = Выберите ответ кнопкой под вопросом.
form-too-short = Слишком коротко: нужно не менее { $min } символов.
form-too-long = Слишком длинно: { $length } символов, можно не более { $max }. Сократите и отправьте снова.
form-reset = Бот обновился, и начатая форма сброшена. Пожалуйста, начните заново.
button-stale = Эта кнопка больше не действует.
button-not-yours = Эта кнопка не для вас.
unknown-command = Я не знаю такой команды. Список команд — /help.
unknown-message = Я не понял. Список команд — /help.
error-generic = Что-то пошло не так. Попробуйте ещё раз чуть позже.

## Наблюдения за услугами

command-observe = Записать наблюдение
command-observations = Наблюдения группы
command-services = Список услуг группы
obs-help-member =
    /observe — записать наблюдение за услугой (в личном чате)
    /observations — наблюдения группы: по услуге и кварталу
    /services — список услуг группы
svc-help-leader = /services — добавить, переименовать или вывести из списка услугу (в личном чате)

service-water = Питьевая вода
service-waste = Вывоз мусора
service-lighting = Уличное освещение
service-roads = Дороги
service-irrigation = Поливная вода (ирригация)
service-school = Школа
service-kindergarten = Детский сад
service-health = ФАП (медпункт)
service-culture = Дом культуры
service-unknown = Услуга

obs-quarter = { $roman } квартал { $year } г.
obs-compliance-yes = соответствует
obs-compliance-partly = частично
obs-compliance-no = не соответствует
obs-compliance-unknown = не известно
obs-score-1 = 1
obs-score-2 = 2
obs-score-3 = 3
obs-score-4 = 4
obs-score-5 = 5

obs-open-private = Наблюдение для группы «{ $municipality }» записывается в личном чате со мной: нажмите кнопку.
obs-add-button = Добавить наблюдение
obs-not-member = Наблюдения записывают члены группы «{ $municipality }». Чтобы вступить, нажмите кнопку ниже или отправьте /join в чате группы.
obs-not-member-any = Наблюдения записывают члены группы СМиО. Вы пока не член ни одной группы: чтобы вступить, отправьте /join в чате вашей группы.
obs-form-start = Новое наблюдение для группы «{ $municipality }». Отменить в любой момент — /cancel.
obs-ask-service = За какой услугой вы наблюдали?
obs-ask-date = Когда? Нажмите кнопку или напишите дату, например 25.11 или 25.11.2026.
obs-date-today = Сегодня
obs-date-yesterday = Вчера
obs-date-hint = Не понял дату. Напишите её так: 25.11 или 25.11.2026 — или нажмите «Сегодня» / «Вчера».
obs-date-future = Эта дата ещё не наступила. Напишите дату наблюдения — сегодня или раньше.
obs-date-too-old = Дата наблюдения не может быть раньше, чем год назад. Напишите более позднюю дату.
obs-ask-place = Где? Напишите место (улица, село, объект) или отправьте геопозицию: 📎 → «Геопозиция».
obs-place-hint = Напишите место текстом или отправьте геопозицию.
obs-ask-place-text = Геопозиция получена. Добавьте описание места (улица, объект) или нажмите «Пропустить».
obs-place-skip = Пропустить
obs-ask-quality = Качество предоставления услуги: от 1 (очень плохо) до 5 (очень хорошо).
obs-ask-compliance = Соответствует ли услуга принятому стандарту?
obs-ask-resources = Качество используемых ресурсов (оборудование, материалы, помещения, люди): от 1 (очень плохо) до 5 (очень хорошо).
obs-ask-finding = Что вы увидели? Опишите вывод своими словами (не более { $max } символов).
obs-finding-hint = Напишите вывод текстом.
obs-ask-photos = Пришлите фото (не более { $max }) или нажмите «Готово», если фото нет.
obs-photos-done = Готово
obs-photo-received = Фото { $count } из { $max } получено. Пришлите ещё или нажмите «Готово».
obs-photo-last = Фото { $count } из { $max } получено — это предел. Нажмите «Готово».
obs-photo-hint = Пришлите фото или нажмите «Готово».
obs-photo-limit = Можно приложить не более { $max } фото. Это фото не добавлено; нажмите «Готово».
obs-summary = Проверьте наблюдение для группы «{ $municipality }»:
obs-summary-save = Сохранить
obs-summary-edit = Исправить
obs-summary-cancel = Отменить
obs-ask-field = Что исправить?
obs-field-service = Услуга
obs-field-date = Дата
obs-field-place = Место
obs-field-quality = Качество услуги
obs-field-compliance = Стандарт
obs-field-resources = Ресурсы
obs-field-finding = Вывод
obs-field-photos = Фото (заново)
obs-saved = Наблюдение сохранено. Все наблюдения группы — /observations, новое — /observe.
obs-updated = Наблюдение исправлено.
obs-too-many-rounds = Слишком много исправлений в одной форме: ничего не сохранено. Начните заново: /observe.
obs-refused-not-found = Такого наблюдения или группы нет.
obs-refused-closed = Срок работы группы окончен: её записи больше не меняются.
obs-refused-not-member = Вы больше не член группы «{ $municipality }»: наблюдение не сохранено.
obs-refused-service-retired = Эта услуга выведена из списка группы. Нажмите «Исправить» и выберите другую услугу.
obs-refused-invalid = В наблюдении что-то не так (например, дата устарела). Нажмите «Исправить».
obs-refused-not-author = Исправить или отозвать наблюдение может только его автор, пока он член группы.
obs-refused-withdrawn = Это наблюдение уже отозвано.
obs-refused-locked = Наблюдение включено в подписанный протокол, поэтому его больше нельзя исправить или отозвать.
obs-refused-private-only = Исправлять и отзывать наблюдения можно в личном чате со мной.

obs-card-title = Наблюдение № { $id }
obs-card-withdrawn = ⚠️ Отозвано автором
obs-card-locked = 🔒 Включено в подписанный протокол
obs-card-service = Услуга: { $service }
obs-card-date = Дата: { $date }
obs-card-place = Место: { $place }
obs-card-location = Геопозиция: { $lat }, { $lon }
obs-card-quality = Качество предоставления: { $score } из 5
obs-card-compliance = Соответствие стандарту: { $value }
obs-card-resources = Качество ресурсов: { $score } из 5
obs-card-finding = Вывод: { $finding }
obs-card-photos = Фото: { $count }
obs-card-author = Автор: { $name }

obs-list-title = Наблюдения группы «{ $municipality }»
obs-list-filter = Услуга: { $service }. Квартал: { $quarter }.
obs-filter-all-services = все услуги
obs-filter-all-quarters = все кварталы
obs-list-empty = Наблюдений пока нет. Записать — /observe.
obs-list-range = { $from }–{ $to } из { $total }. Открыть — кнопка с номером.
obs-list-line = { $n }. { $date } — { $service }: качество { $quality }, ресурсы { $resources }, стандарт: { $compliance } ({ $author })
obs-list-newer = ◀ Новее
obs-list-older = Старше ▶
obs-filter-service = Услуга…
obs-filter-quarter = Квартал…
obs-edit = Исправить
obs-withdraw = Отозвать
obs-withdraw-confirm = Отозвать наблюдение № { $id }? Оно останется в записях группы с пометкой «отозвано» и не будет учитываться в итогах.
obs-withdraw-yes = Да, отозвать
obs-withdraw-no = Нет
obs-withdraw-kept = Наблюдение не отозвано.
obs-withdrawn = Наблюдение № { $id } отозвано.

svc-title = Услуги, за которыми наблюдает группа «{ $municipality }»:
svc-retired-title = Выведены из списка (их наблюдения сохраняются):
svc-rename = ✏️ { $name }
svc-retire = Вывести
svc-restore = ↩️ Вернуть: { $name }
svc-add = ➕ Добавить услугу
svc-manage-in-private = Руководитель группы меняет список в личном чате со мной: /services.
svc-ask-name-ky = Название услуги на кыргызском языке:
svc-ask-rename-ky = Новое название услуги на кыргызском языке:
svc-ask-name-ru = Название на русском языке:
svc-name-hint = Напишите название услуги текстом.
svc-saved = Сохранено: «{ $name }». Список — /services.
svc-retired-toast = Услуга выведена из списка.
svc-restored-toast = Услуга возвращена в список.
svc-refused-not-found = Такой услуги или группы нет.
svc-refused-closed = Срок работы группы окончен: её записи больше не меняются.
svc-refused-not-allowed = Список услуг меняет руководитель группы.

service-summary-none = Наблюдений за { $quarter } пока нет.
service-summary-title = Наблюдения за { $quarter }: { $count }
service-summary-line = • { $service }: { $count } — качество { $quality }, ресурсы { $resources }; стандарт: { $compliance }
service-summary-share = { $answer } { $percent }%
obs-help-appointer = /observations — наблюдения группы: по услуге и кварталу
obs-no-services = В списке услуг группы «{ $municipality }» нет ни одной действующей услуги. Руководитель группы добавляет их командой /services.
## Напоминания

command-reminders = Напоминания группы
reminders-title = Напоминания группы «{ $municipality }» (время Бишкека):
reminders-quarter-start = • Начало квартала: { $date }, 10:00, если заседание ещё не назначено — { $state }
reminders-quarter-end = • Предупреждения перед концом квартала, пока заседание не проведено: { $dates }, 10:00 — { $state }
reminders-meeting = • О заседании: за 24 часа — { $state24 }, за 1 час — { $state1 }
reminders-private = • В личном чате: за 24 часа до конца голосования — тем, кто не проголосовал; раз в день, не больше недели, — тем, кто ещё не подписал протокол.
reminders-quiet = С 21:00 до 09:00 я ничего не отправляю: такие напоминания ждут 09:00.
reminders-on = вкл.
reminders-off = выкл.
reminders-toggle-quarter-start = Начало квартала: { $state }
reminders-toggle-quarter-end = Конец квартала: { $state }
reminders-toggle-meeting-24h = За 24 часа до заседания: { $state }
reminders-toggle-meeting-1h = За 1 час до заседания: { $state }
reminders-not-leader = Напоминания в чате группы включает и выключает руководитель группы.
reminders-saved = Сохранено.
reminders-muted = Напоминания в личном чате выключены.
reminders-unmuted = Напоминания в личном чате включены.
reminders-mute = Выключить мои напоминания
reminders-unmute = Включить мои напоминания
reminder-quarter-start = Начался { $quarter }-й квартал { $year } г. Заседание группы «{ $municipality }» ещё не назначено, а положение требует проводить его не реже одного раза в квартал.
reminder-quarter-end = { $days ->
    [one] До конца { $quarter }-го квартала остался { $days } день
    [few] До конца { $quarter }-го квартала осталось { $days } дня
   *[many] До конца { $quarter }-го квартала осталось { $days } дней
}, а заседание группы «{ $municipality }» в этом квартале ещё не проведено. Положение требует проводить его не реже одного раза в квартал.
reminder-meeting-24h = Завтра заседание группы: { $when }, место: { $place }.
reminder-meeting-1h = Через час заседание группы: { $when }, место: { $place }.
reminder-schedule-meeting = Назначить заседание

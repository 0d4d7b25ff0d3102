## Общие слова

category-specialist = специалист органа местного самоуправления
category-deputy = депутат местного кенеша
category-invited = привлечённый специалист
category-ngo = представитель неправительственной организации
category-entrepreneur = предприниматель
category-resident = местный житель
office-head = глава айыл окмоту
office-chair = председатель айылного кенеша
language-name-ky = Кыргызча
language-name-ru = Русский
term-none = бессрочно

## Команды (меню Telegram)

command-start = Начать работу с ботом
command-help = Справка: что можно сделать
command-join = Вступить в группу
command-members = Состав группы
command-status = Состояние группы
command-leave = Выйти из группы
command-appoint = Назначить руководителя группы
command-addappointer = Добавить второе должностное лицо (ответом на его сообщение)
command-setup = Зарегистрировать группу в этом чате
command-language = Язык
command-cancel = Отменить заполнение формы

## Начало и справка

start-greeting =
    Здравствуйте, { $name }!
    Я веду работу группы совместного мониторинга и оценки (СМиО) айылного аймака: состав группы, наблюдения за местными услугами, заседания, голосование и подписание протоколов.
    Чтобы вступить в группу, нажмите «Вступить в группу» в чате вашей группы или отправьте /join. Все команды — /help.
    Язык можно сменить позже командой /language.
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
    /reminders — напоминания группы; в личном чате — выключить свои
    /meetings — заседания
    /protocol — протокол: прочитать, оставить замечание
    /verify 3/2026 — проверить подписанный протокол
    голосует и подписывает кнопками в сообщениях
    /leave — выйти из группы (в любое время)
help-leader =
    Руководитель группы:
    /meeting — назначить заседание (перенести или отменить — /meetings)
    /reminders — включить или выключить напоминания в чате группы
    /attendance — отметить присутствующих
    /protocol — составить и исправить протокол, поставить его на голосование
    одобряет и отклоняет заявки на вступление (кнопки в сообщении о заявке; ожидающие заявки — в /members в личном чате)
help-appointer =
    Глава айыл окмоту и председатель айылного кенеша:
    /appoint — назначить руководителя группы
    /addappointer — добавить второе должностное лицо (ответом на его сообщение)
    одобряют и отклоняют заявки на вступление
help-unregistered = Этот чат ещё не зарегистрирован как группа СМиО. Администратор чата — глава айыл окмоту или председатель айылного кенеша — отправляет здесь /setup.

## Регистрация группы

setup-in-group = Группу регистрируют в её чате: добавьте меня в чат группы и отправьте там /setup.
setup-not-admin = Зарегистрировать группу может только администратор этого чата (глава айыл окмоту или председатель айылного кенеша).
setup-anonymous = Вы пишете анонимно от имени чата, и я не могу узнать, кто вы. Отключите «Анонимность» в правах администратора и отправьте /setup снова.
setup-already-registered = Этот чат уже зарегистрирован как группа СМиО. Её состояние — /status.
setup-ask-office = Регистрация группы СМиО. Выберите вашу должность:
setup-ask-municipality = Название айылного аймака (как в документах), например: Мин-Булак айыл аймагы.
setup-municipality-hint = Напишите название айылного аймака текстом.
setup-ask-language = На каком языке я буду писать в этот чат?
setup-ask-term = До какой даты действует группа? Ответьте на это сообщение датой (например, 31.12.2027) или нажмите «Без срока».
setup-term-none = Без срока
setup-term-hint = Напишите дату в виде 31.12.2027 или нажмите «Без срока».
setup-term-past = Срок должен быть в будущем. Напишите дату позже сегодняшней.
setup-done =
    Группа совместного мониторинга и оценки «{ $municipality }» зарегистрирована.
    Должностное лицо: { $office }. Срок: { $term }.
    Чтобы вступить, нажмите кнопку ниже: форма откроется в личном чате со мной.
group-not-registered = Этот чат не зарегистрирован как группа СМиО. Администратор чата регистрирует его командой /setup.

## Вступление

join-button = Вступить в группу
join-open-private = Заявка на вступление в группу «{ $municipality }» заполняется в личном чате со мной: нажмите кнопку.
join-pick-group = В какую группу вы хотите вступить?
join-ask-link = Откройте чат вашей группы и отправьте там /join, или перейдите по ссылке-приглашению группы.
join-ask-name = Заявка на вступление в группу «{ $municipality }». Напишите ваши фамилию, имя и отчество так, как они должны стоять в протоколах.
join-name-hint = Напишите ваши фамилию, имя и отчество текстом.
join-ask-category = Кого вы представляете в группе?
join-ask-consent =
    Проверьте заявку:
    Группа: { $municipality }
    ФИО: { $name }
    Категория: { $category }

    Ваши ФИО и категория будут видны членам группы и войдут в её протоколы. Вы согласны?

    Ваше имя и категория будут видны членам группы и войдут в её протоколы. Вы согласны?
join-consent-yes = Даю согласие, отправить
join-consent-no = Не даю согласия
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
    ФИО: { $name }
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
member-joined = Новый член группы: { $name } ({ $category }).

## Состав

composition-count = { $count ->
    [one] В группе { $count } член
    [few] В группе { $count } члена
   *[many] В группе { $count } членов
} (минимум по положению — { $min }).
below-minimum = ⚠️ По положению в группе должно быть не менее { $min ->
    [one] { $min } члена
   *[other] { $min } членов
}. Пока состав не пополнен, протокол нельзя поставить на голосование.
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
member-left = { $name } больше не состоит в группе.
leader-left = У группы нет руководителя: его назначает глава айыл окмоту или председатель айылного кенеша (/appoint).
leader-left-appointer = { $name }, руководитель группы «{ $municipality }», больше не состоит в группе. Назначьте нового руководителя: /appoint.

## Руководитель

appoint-pick = Кого назначить руководителем группы «{ $municipality }»?
appoint-no-members = В группе пока нет членов, назначать некого.
appoint-not-allowed = Руководителя группы назначает глава айыл окмоту или председатель айылного кенеша.
appoint-not-member = { $name } — не член группы. Руководителем назначают только члена группы.
appoint-not-found = Такой группы нет.
appoint-closed = Срок работы группы окончен: её записи больше не меняются.
appoint-already-leader = { $name } уже руководитель группы.
leader-appointed = Новый руководитель группы «{ $municipality }» — { $name }.
leader-appointed-you = Вы назначены руководителем группы «{ $municipality }». Что вы можете делать — /help.
addappointer-in-group = Отправьте /addappointer в чате группы ответом на сообщение второго должностного лица.
addappointer-reply = Отправьте /addappointer ответом на сообщение того, кого вы добавляете (главы айыл окмоту или председателя айылного кенеша).
addappointer-done = Добавлено должностное лицо: { $name } ({ $office }).
addappointer-not-found = Этот чат не зарегистрирован как группа СМиО.
addappointer-closed = Срок работы группы окончен: её записи больше не меняются.
addappointer-not-allowed = Второе должностное лицо добавляет глава айыл окмоту или председатель айылного кенеша этой группы.
addappointer-already-appointer = { $name } уже является должностным лицом этой группы.
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
status-term-none = Срок работы: бессрочно

## Язык

language-ask = Выберите язык.
language-ask-first = Тилди тандаңыз / Выберите язык:
language-ask-group = Выберите язык сообщений в этом чате.
language-set = Теперь я пишу вам по-русски.
language-set-group = Теперь я пишу в этот чат по-русски.
language-group-not-allowed = Язык чата группы меняют глава айыл окмоту, председатель айылного кенеша и руководитель группы. Свой язык выберите командой /language в личном чате со мной.

## Формы и ошибки

cancel-done = Заполнение отменено, ничего не сохранено.
cancel-nothing = Сейчас нечего отменять.
form-use-buttons = Выберите ответ кнопкой под вопросом.
form-too-short = Слишком коротко: нужно не менее { $min ->
    [one] { $min } символа
   *[other] { $min } символов
}.
form-too-long = Слишком длинно: { $length ->
    [one] { $length } символ
    [few] { $length } символа
   *[many] { $length } символов
}, можно не более { $max }. Сократите и отправьте снова.
form-reset = Бот обновился, и начатая форма сброшена. Пожалуйста, начните заново.
button-stale = Эта кнопка больше не действует.
button-not-yours = Эта кнопка не для вас.
unknown-command = Я не знаю такой команды. Список команд — /help.
unknown-message = Я не понял. Список команд — /help.
error-generic = Что-то пошло не так. Попробуйте ещё раз чуть позже.

## Переход в личный чат

continue-in-private = Эту форму заполняют в личном чате со мной, чтобы не мешать разговору в группе: нажмите кнопку.
continue-button = Продолжить в личном чате

## Заседания

command-meeting = Назначить заседание (руководитель)
command-meetings = Заседания группы
command-attendance = Отметить присутствующих (руководитель)
command-protocol = Протокол заседания
command-verify = Проверить подписанный протокол по номеру
meeting-not-leader = Заседания назначает, переносит и отменяет руководитель группы.
meeting-ask-time = Новое заседание группы «{ $municipality }». Когда оно состоится? Напишите дату и время, например: 25.12 15:00, 25.12.2026 15:00 или 15:00 (сегодня). Время — бишкекское.
meeting-ask-new-time = На какую дату и время перенести заседание? Например: 25.12 15:00.
meeting-time-hint = Не понял дату и время. Напишите, например: 25.12 15:00, 25.12.2026 15:00 или 15:00.
meeting-time-past = Это время уже прошло. Напишите дату и время в будущем.
meeting-ask-place = Где пройдёт заседание?
meeting-place-hint = Напишите место текстом, например: здание айыл окмоту, зал заседаний.
meeting-ask-agenda = Повестка дня: пришлите первый вопрос (один вопрос — одно сообщение, не более { $max }).
meeting-agenda-hint = Напишите вопрос повестки дня текстом.
meeting-agenda-added = Вопрос { $count } добавлен. Пришлите следующий или нажмите «Готово».
meeting-agenda-done = Готово
meeting-scheduled = Заседание назначено, объявление отправлено в чат группы.
meeting-rescheduled = Заседание перенесено, группа уведомлена.
meeting-announcement-moved = Это заседание перенесено: смотрите новое объявление ниже.
meeting-moved = ⚠️ Заседание перенесено. Ответьте снова, придёте ли вы.
meeting-refused-not-found = Такого заседания нет.
meeting-refused-closed = Срок работы группы окончен: её записи больше не меняются.
meeting-refused-not-allowed = Заседания назначает, переносит и отменяет руководитель группы.
meeting-refused-past = Это время уже прошло.
meeting-refused-no-agenda = В повестке дня нужен хотя бы один вопрос.
meeting-refused-started = Заседание уже началось: перенести или отменить его нельзя.
meeting-refused-cancelled = Это заседание отменено.
meeting-card-title = Заседание группы совместного мониторинга и оценки «{ $municipality }»
meeting-card-when = Когда: { $when }
meeting-card-place = Место: { $place }
meeting-card-agenda = Повестка дня:
meeting-cancelled-mark = ❌ ОТМЕНЕНО
meeting-cancel-confirm = Отменить заседание { $when }? Группа будет уведомлена.
meeting-cancel-yes = Да, отменить
meeting-cancelled = Заседание отменено.
meeting-cancelled-group = ❌ Заседание { $when } ({ $place }) отменено руководителем группы.
rsvp-yes = Приду
rsvp-no = Не смогу прийти
rsvp-tally-yes = Придут — { $count }{ $names }
rsvp-tally-no = Не смогут — { $count }{ $names }
rsvp-saved-yes = Отмечено: вы придёте.
rsvp-saved-no = Отмечено: вы не сможете прийти.
rsvp-not-found = Такого заседания нет.
rsvp-closed = Срок работы группы окончен.
rsvp-not-member = Отвечать могут только члены группы. Вступить — /join.
rsvp-cancelled = Это заседание отменено.
rsvp-started = Заседание уже началось.
meetings-title = Заседания группы «{ $municipality }»
meetings-upcoming = Предстоящие:
meetings-past = Прошедшие:
meetings-none = — нет
meetings-line = • { $when }, { $place } (придут: { $yes }, не смогут: { $no })
meetings-line-cancelled = • { $when }, { $place } — отменено
meetings-manage-in-private = Перенести или отменить заседание, отметить присутствующих — /meetings в личном чате со мной.
meetings-reschedule = Перенести { $when }
meetings-cancel = Отменить
meetings-attendance = Присутствующие: { $when }
meetings-draft = Протокол: { $when }

## Присутствие

attendance-ask = Кто присутствовал на заседании { $when }? Нажимайте на имена, затем «Готово».
attendance-done = Готово
attendance-quorum-met = { $present ->
    [one] Присутствует
   *[other] Присутствуют
} { $present } из { $members }: кворум есть (больше половины членов группы).
attendance-quorum-not-met = { $present ->
    [one] Присутствует
   *[other] Присутствуют
} { $present } из { $members }: кворума нет (нужно больше половины членов группы).
attendance-recorded = Присутствие отмечено: { $names }.
attendance-next = Теперь можно составить протокол: /protocol.
attendance-group = На заседании { $when } присутствовали: { $names }.
attendance-no-meeting = Ни одно заседание ещё не началось. Назначить заседание — /meeting.
attendance-not-allowed = Присутствующих отмечает руководитель группы.
attendance-not-found = Такого заседания нет.
attendance-closed = Срок работы группы окончен: её записи больше не меняются.
attendance-not-started = Присутствующих отмечают после начала заседания.
attendance-cancelled = Это заседание отменено.
attendance-not-member = Этот человек не член группы.
attendance-frozen = Протокол этого заседания уже на голосовании или принят: список присутствующих больше не меняется.

## Протокол

protocol-none = Протоколов пока нет.
protocol-ready-to-draft = Заседание { $when } проведено, протокола ещё нет.
protocol-draft-button = Составить протокол
protocol-attendance-first = Сначала отметьте присутствующих на заседании { $when }: /attendance.
protocol-manage-in-private = Править проект и ставить его на голосование можно в личном чате со мной: /protocol.
protocol-draft-start = Составляем протокол. По каждому из вопросов повестки ({ $count }) я спрошу, что обсуждали и что решили.
protocol-ask-title = Вопрос { $n }: { $title }
    Напишите новую формулировку вопроса или нажмите «Оставить как есть».
protocol-keep-title = Оставить как есть
protocol-ask-discussed = Вопрос { $n }: { $title }
    Что обсуждали?
protocol-ask-decided = Что решили по этому вопросу?
protocol-no-decision-button = Решения не принято
protocol-text-hint = Напишите ответ текстом.
protocol-ask-recommendation = { $count ->
    [0] Рекомендации: пришлите текст первой рекомендации или нажмите «Рекомендаций нет».
   *[other] Рекомендаций: { $count }. Пришлите текст следующей или нажмите «Готово».
}
protocol-recommendations-done = { $count ->
    [0] Рекомендаций нет
   *[other] Готово
}
protocol-ask-addressee = Кому адресована рекомендация?
protocol-ask-addressee-name = Кому именно? Напишите адресата (например: директор школы).
protocol-ask-due = Срок исполнения? Напишите дату, например: 31.03.2027.
protocol-due-hint = Напишите дату в виде 31.03.2027.
protocol-due-past = Этот срок уже прошёл. Напишите дату не раньше сегодняшней.
protocol-draft-saved = Проект протокола сохранён.
protocol-draft-ready = 📝 Проект протокола № { $number } готов. Прочитать и оставить замечания — /protocol.
protocol-draft-revised = 📝 Проект протокола № { $number } исправлен руководителем группы: /protocol.
protocol-revised = Изменения сохранены.
protocol-refused-not-found = Такого протокола или заседания нет.
protocol-refused-closed = Срок работы группы окончен: её записи больше не меняются.
protocol-refused-not-allowed = Протокол составляет и исправляет руководитель группы.
protocol-refused-not-held = Протокол составляют после заседания, когда отмечены присутствующие (/attendance).
protocol-refused-exists = Протокол этого заседания уже есть: /protocol.
protocol-refused-not-draft = Протокол уже не проект (голосование открыто или он принят): его текст больше не меняется.
protocol-title =
    ПРОТОКОЛ № { $number } ({ $status })
    заседания группы совместного мониторинга и оценки «{ $municipality }»
protocol-status-draft = проект
protocol-status-voting = на голосовании
protocol-status-signing = принят, на подписании
protocol-status-final = подписан
protocol-date = Дата: { $date }
protocol-attendees = Присутствовали ({ $present } из { $members }): { $names }
protocol-agenda = Повестка дня и решения:
protocol-discussed = Обсуждали: { $text }
protocol-decided = Решили: { $text }
protocol-no-decision = Решения не принято.
protocol-recommendations = Рекомендации ({ $count }):
protocol-recommendation = { $text } — адресат: { $addressee }; срок: { $due }
addressee-head = глава айыл окмоту
addressee-chair = председатель айылного кенеша
addressee-other = другой адресат
protocol-observations = Наблюдения, включённые в протокол ({ $count }):
protocol-no-observations = С предыдущего протокола наблюдений не было.
protocol-ask-observations = Наблюдения за период с предыдущего протокола: { $count }. Какие из них включить в протокол? Нажмите «Все» или «Ни одного», или напишите номера через запятую (из первых { $listed }), например: 1, 3.
protocol-observations-all = Все ({ $count })
protocol-observations-none = Ни одного
protocol-observations-hint = Напишите номера из списка (от 1 до { $count }) через запятую или нажмите кнопку.
protocol-edit-observations = ✏️ Наблюдения
protocol-no-comments = Замечаний пока нет.
protocol-comments = { $count ->
    [one] { $count } замечание:
    [few] { $count } замечания:
   *[many] { $count } замечаний:
}
protocol-comment = Оставить замечание
protocol-edit-item = ✏️ { $n }
protocol-edit-recommendations = ✏️ Рекомендации
protocol-edit-place = ✏️ Место
protocol-open-vote = { $hours ->
    [24] Открыть голосование на 24 часа
    [72] Открыть голосование на 3 дня
    [168] Открыть голосование на неделю
   *[other] Открыть голосование: { $hours } ч
}
protocol-waits-vote = Ждёт: руководитель выбирает срок голосования (24 часа, 3 дня или 7 дней) и ставит проект на голосование.
protocol-waits-votes = Срок голосования: до { $deadline }. Ещё не проголосовали ({ $count }): { $names }
protocol-waits-signatures = Ждёт подписей ({ $count }): { $names }
protocol-final-hash = Подписан. SHA-256 текста: { $hash }
comment-ask = Напишите ваше замечание к проекту протокола (пожелание, сомнение или вывод).
comment-hint = Напишите замечание текстом.
comment-saved = Замечание сохранено, руководитель группы его увидит.
comment-to-leader = Новое замечание к проекту протокола № { $number }: { $text }
comment-refused-not-found = Такого протокола нет.
comment-refused-closed = Срок работы группы окончен.
comment-refused-not-member = Замечания оставляют члены группы.
comment-refused-not-draft = Замечания принимаются, пока протокол — проект.

## Голосование

vote-for = За
vote-against = Против
vote-abstain = Воздержался
vote-close = Закрыть голосование (руководитель)
vote-opened = Голосование открыто.
vote-title = 🗳 Голосование по протоколу № { $number }. Срок: до { $deadline }. Голосуют члены группы ({ $voters }); голоса поимённые и войдут в протокол. Текст — /protocol.
vote-closed-title = 🗳 Голосование по протоколу № { $number } закрыто: { $outcome }.
vote-outcome-adopted = протокол принят
vote-outcome-rejected = протокол отклонён
vote-outcome-no-quorum = кворума нет
tally-for = За — { $count }{ $names }
tally-against = Против — { $count }{ $names }
tally-abstain = Воздержались — { $count }{ $names }
tally-not-voted = Не голосовали — { $count }{ $names }
vote-result-adopted = ✅ Протокол № { $number } принят: { $cast ->
    [one] проголосовал
   *[other] проголосовали
} { $cast } из { $voters }, больше половины голосов — «за».
vote-result-rejected = ❌ Протокол № { $number } отклонён: { $cast ->
    [one] проголосовал
   *[other] проголосовали
} { $cast } из { $voters }, голосов «за» — не больше половины.
vote-result-no-quorum = ❌ Протокол № { $number } не принят: нет кворума ({ $cast ->
    [one] проголосовал
   *[other] проголосовали
} { $cast } из { $voters }, нужно больше половины членов группы).
vote-back-to-draft = Протокол снова проект: руководитель может исправить его и поставить на голосование ещё раз. Поданные голоса сохранены.
vote-refused-not-found = Такого протокола нет.
vote-refused-closed = Срок работы группы окончен.
vote-refused-not-allowed = Ставит протокол на голосование руководитель группы.
vote-refused-not-draft = Голосование уже открыто или протокол уже принят.
vote-refused-below-minimum = { $count ->
    [one] В группе { $count } член
    [few] В группе { $count } члена
   *[many] В группе { $count } членов
}, а по положению «состав группы должен быть не менее { $min } членов». Пока членов меньше, протокол нельзя поставить на голосование.
vote-refused-no-decisions = В протоколе нет ни одного решения: голосовать не о чем. Впишите решение (✏️) по вопросам повестки.
vote-close-not-found = Такого голосования нет.
vote-close-not-allowed = Закрыть голосование досрочно может только руководитель группы.
vote-close-vote-closed = Голосование уже закрыто.
ballot-saved = Ваш голос: { $choice }. До закрытия голосования его можно изменить.
ballot-not-found = Такого голосования нет.
ballot-closed = Срок работы группы окончен.
ballot-not-member = Голосуют только члены этой группы.
ballot-not-eligible = Вы вступили в группу после открытия этого голосования: в нём голосуют те, кто был членом группы при его открытии.
ballot-vote-closed = Голосование закрыто: голоса больше не принимаются.

## Подписи

signing-title = ✍️ Протокол № { $number } принят, его текст зафиксирован и больше не изменяется (SHA-256: { $hash }…). Подписывают руководитель группы и присутствовавшие:
signer-leader = руководитель группы
signer-attendee = член группы
signature-waiting = ⏳ { $name } ({ $role })
signature-left = — { $name } ({ $role }): выход из группы до подписания
signature-line = ✅ { $name } ({ $role }), { $when }, код подписи { $code }
signature-dissent = Особое мнение: { $text }
sign-button = Подписать
sign-dissent-button = Подписать с особым мнением
sign-invitation = Протокол № { $number } принят, нужна ваша подпись (SHA-256 текста: { $hash }…). Прочитать — /protocol.
sign-done = Подписано.
sign-done-dissent = Протокол № { $number } подписан с вашим особым мнением.
sign-ask-dissent = Напишите ваше особое мнение к протоколу № { $number }: оно войдёт в протокол рядом с вашей подписью.
sign-dissent-hint = Напишите особое мнение текстом.
sign-not-found = Такого протокола нет.
sign-closed = Срок работы группы окончен.
sign-not-signing = Этот протокол сейчас не на подписании.
sign-not-signer = Протокол подписывают руководитель группы и члены группы, присутствовавшие на заседании.
sign-already-signed = Вы уже подписали этот протокол.
final-posted = 📜 Протокол № { $number } подписан всеми и окончателен.
final-vote = Голосование:
final-signatures = Подписи:
final-hash = SHA-256 подписанного текста: { $hash }
final-to-appointer = Подписанный протокол № { $number } группы «{ $municipality }»:
verify-usage = Напишите номер протокола: /verify 3/2026
verify-not-found = Протокола № { $number } нет.
verify-not-frozen = Протокол № { $number } ещё не принят: проверять нечего.
verify-ok = ✅ Протокол № { $number }: хранимый текст совпадает с подписанным.
    SHA-256: { $stored }
    Подписей: { $signed } из { $required }.
verify-mismatch = ⚠️ Протокол № { $number }: хранимый текст НЕ совпадает с подписанным!
    Подписан: { $stored }
    Сейчас: { $recomputed }

## Состояние: заседания

status-next-meeting = Следующее заседание: { $when }, { $place }
status-no-next-meeting = Следующее заседание не назначено.
status-quarter-met = В этом квартале заседание проведено.
status-quarter-missing = ⚠️ В этом квартале заседания ещё не было (по положению — не реже раза в квартал).
status-protocol = Протокол в работе: № { $number } ({ $status })
status-no-protocol = Протоколов в работе нет.

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
obs-compliance-unknown = неизвестно
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
obs-date-too-old = Дата наблюдения не может быть раньше, чем год назад. Напишите более близкую дату.
obs-ask-place = Где? Напишите место (улица, село, объект) или отправьте геопозицию: 📎 → «Геопозиция».
obs-place-hint = Напишите место текстом или отправьте геопозицию.
obs-ask-place-text = Геопозиция получена. Добавьте описание места (улица, объект) или нажмите «Пропустить».
obs-place-skip = Пропустить
obs-ask-quality = Качество предоставления услуги: от 1 (очень плохо) до 5 (очень хорошо).
obs-ask-compliance = Соответствует ли услуга принятому стандарту?
obs-ask-resources = Качество используемых ресурсов (оборудование, материалы, помещения, люди): от 1 (очень плохо) до 5 (очень хорошо).
obs-ask-finding = Что вы увидели? Опишите вывод своими словами (не более { $max ->
    [one] { $max } символа
   *[other] { $max } символов
}).
obs-finding-hint = Напишите вывод текстом.
obs-ask-photos = Пришлите фото (не более { $max }) или нажмите «Готово», если фото нет.
obs-photos-done = Готово
obs-photo-received = Фото { $count } из { $max } получено. Пришлите ещё или нажмите «Готово».
obs-photo-last = Фото { $count } из { $max } получено — больше нельзя. Нажмите «Готово».
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
obs-refused-invalid = В наблюдении что-то не так (например, дата стала слишком давней). Нажмите «Исправить».
obs-refused-not-author = Исправить или отозвать наблюдение может только его автор, пока он член группы.
obs-refused-withdrawn = Это наблюдение уже отозвано.
obs-refused-locked = Наблюдение включено в подписанный протокол, поэтому его больше нельзя исправить или отозвать.
obs-refused-private-only = Исправлять и отзывать наблюдения можно в личном чате со мной.

obs-card-title = Наблюдение: { $service }, { $date }
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
obs-list-filter = Услуга: { $service }; период: { $quarter }
obs-filter-all-services = все услуги
obs-filter-all-quarters = все кварталы
obs-list-empty = Наблюдений пока нет. Записать — /observe.
obs-list-range = Наблюдения: { $from }–{ $to } (всего { $total }). Чтобы открыть, нажмите кнопку с номером.
obs-list-line = { $n }. { $date } — { $service }: качество { $quality }, ресурсы { $resources }, стандарт: { $compliance } ({ $author })
obs-list-newer = ◀ Более поздние
obs-list-older = Более ранние ▶
obs-filter-service = Услуга…
obs-filter-quarter = Квартал…
obs-edit = Исправить
obs-withdraw = Отозвать
obs-withdraw-confirm = Отозвать наблюдение ({ $service }, { $date })? Оно останется в записях группы с пометкой «отозвано» и не будет учитываться в итогах.
obs-withdraw-yes = Да, отозвать
obs-withdraw-no = Нет
obs-withdraw-kept = Наблюдение не отозвано.
obs-withdrawn = Наблюдение отозвано ({ $service }, { $date }).

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
reminders-quarter-end = • Предупреждения перед концом квартала (в 10:00), пока заседание не проведено: { $dates } — { $state }
reminders-meeting = • О заседании: за 24 часа — { $state24 }, за 1 час — { $state1 }
reminders-private = • В личном чате: за 24 часа до конца голосования — тем, кто не проголосовал; раз в день, не больше недели, — тем, кто ещё не подписал протокол.
reminders-quiet = С 21:00 до 09:00 я ничего не отправляю: такие напоминания отправляются в 09:00.
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
reminder-quarter-start = Начался { $quarter } квартал { $year } г. Заседание группы «{ $municipality }» ещё не назначено, а положение требует проводить его не реже одного раза в квартал.
reminder-quarter-end = { $days ->
    [one] До конца { $quarter } квартала остался { $days } день
    [few] До конца { $quarter } квартала осталось { $days } дня
   *[many] До конца { $quarter } квартала осталось { $days } дней
}, а заседание группы «{ $municipality }» в этом квартале ещё не проведено. Положение требует проводить его не реже одного раза в квартал.
}, а заседание группы «{ $municipality }» в этом квартале ещё не проведено. Положение требует проводить его не реже одного раза в квартал.
reminder-meeting-24h = Завтра заседание группы: { $when }, место: { $place }.
reminder-meeting-1h = Через час заседание группы: { $when }, место: { $place }.
reminder-schedule-meeting = Назначить заседание
reminder-vote = Голосование по протоколу № { $number }/{ $year } закрывается { $deadline }, а ваш голос ещё не подан. Голосовать можно прямо здесь:
reminder-sign = Протокол № { $number }/{ $year } ждёт вашей подписи (напоминание { $day } из { $days }).
reminder-sign-button = Подписать

## Черновики форм
draft-pending = У вас есть незаконченная форма: { $form } (последнее изменение: { $since }). Продолжить её или удалить и начать новую?
draft-title-observation = наблюдение
draft-title-protocol = проект протокола
draft-resume = Продолжить
draft-discard = Удалить и начать новую
draft-discarded = Незаконченная форма удалена.
draft-swept = Незаконченная форма удалена, её долго не заполняли: { $form } (последнее изменение: { $since }). Начните заново, когда будет удобно.
obs-finding-voice = 🎤 голосовое сообщение

## План, срок, поручения, запросы информации

command-plan = План работы группы
command-assign = Дать поручение членам группы
command-assignments = Поручения и их сроки
command-inforequest = Записать запрос информации
command-inforequests = Запросы информации и ответы
command-endterm = Завершить срок работы группы
statute-help-member =
    /plan — план работы группы
    /assignments — поручения; свои — принять и отчитаться (в личном чате)
    /inforequests — запросы информации и ответы на них
statute-help-leader =
    /plan — записать план работы на период (утверждает глава айыл окмоту или председатель айылного кенеша)
    /assign — дать поручение одному или нескольким членам группы; принять отчёт или вернуть — /assignments
    /inforequest — записать запрос информации главе айыл окмоту или поставщику услуги; ответ — /inforequests
statute-help-appointer =
    /plan — утвердить план работы группы
    /endterm — завершить срок работы группы (с причиной)
    /inforequests — ответить на запрос информации, адресованный главе айыл окмоту
group-read-only = Срок работы группы «{ $municipality }» окончен: её записи доступны только для чтения и больше не меняются.
date-hint = Напишите дату, например 31.12 или 31.12.2027.
date-past = Эта дата уже прошла. Напишите сегодняшнюю или более позднюю.
files-done = Готово
files-hint-photos = Пришлите фотографию или нажмите «Готово».
files-hint-documents = Пришлите файл или фотографию или нажмите «Готово».
files-limit = Больше нельзя: не более { $max }. Нажмите «Готово».
files-received = Получено: { $count } из { $max }. Пришлите ещё или нажмите «Готово».
unreachable-to-leader-blocked = Не могу написать в личный чат: { $name } (группа «{ $municipality }»). Причина: бот заблокирован. Сообщения сохранены и будут доставлены, когда бот будет разблокирован.
unreachable-to-leader-not-started = Не могу написать в личный чат: { $name } (группа «{ $municipality }»). Причина: бот ещё не запущен в личном чате. Сообщения сохранены и будут доставлены после запуска.
unreachable-in-group = { $name }, для вас есть сообщения от бота, но Telegram не даёт написать вам первым. Нажмите кнопку и затем «Старт»: сообщения придут сразу.
unreachable-open-button = Открыть чат с ботом

term-end-ask-reason = Завершение срока работы группы «{ $municipality }». Напишите причину: она войдёт в записи группы.
term-end-reason-hint = Напишите причину текстом (от 5 до 500 знаков).
term-end-confirm =
    Завершить срок работы группы «{ $municipality }»? После этого записи группы будут доступны только для чтения.
    Причина: { $reason }
term-end-yes = Да, завершить
term-end-no = Нет
term-end-kept = Срок работы не завершён.
term-end-done = Срок работы группы завершён.
term-refused-not-found = Такой группы нет.
term-refused-closed = Срок работы группы уже окончен.
term-refused-not-allowed = Завершить срок работы группы может только глава айыл окмоту или председатель айылного кенеша.
term-ended =
    Срок работы группы «{ $municipality }» завершён ({ $date }). Записи группы доступны только для чтения.
    Причина: { $reason }
term-ask-done = Итоговый отчёт группы «{ $municipality }» опубликован. Срок работы группы не установлен; по положению группа прекращает работу после отчёта о результатах. Работа группы завершена? (Отвечает глава айыл окмоту или председатель айылного кенеша.)
term-done-yes = Да, работа завершена
term-done-no = Нет, работа продолжается
term-continues = Группа продолжает работу.
term-reason-final-report = опубликован итоговый отчёт о результатах работы

plan-title = План работы группы до: { $date }
plan-services = Услуги: { $text }
plan-focus = Что изучаем: { $text }
plan-approved = ✅ Утверждён.
plan-awaiting = ⏳ Ждёт утверждения главой айыл окмоту или председателем айылного кенеша.
plan-none = План работы группы ещё не записан.
plan-record-button = Записать новый план
plan-approve-button = Утвердить план
plan-ask-services = План работы. Какие услуги группа изучает в этот период?
plan-ask-focus = Что именно группа изучает (вопросы, показатели)?
plan-ask-until = До какой даты рассчитан план? Например 31.03 или 31.03.2027. Утверждённый план устанавливает срок работы группы.
plan-text-hint = Напишите текстом (от 3 до 1000 знаков).
plan-saved = План записан и отправлен на утверждение.
plan-to-appointer = Руководитель группы «{ $municipality }» записал план работы; его нужно утвердить:
plan-approved-done = План утверждён.
plan-approved-group = ✅ План работы группы утверждён. Срок работы группы — до конца плана.
plan-refused-not-found = Такой группы нет.
plan-refused-closed = Срок работы группы окончен: её записи больше не меняются.
plan-refused-not-allowed = План записывает руководитель группы, утверждает — глава айыл окмоту или председатель айылного кенеша.
plan-refused-past = Дата окончания плана уже прошла.
plan-refused-superseded = Этот план уже заменён новым: откройте /plan.
plan-refused-already-approved = План уже утверждён.

assignment-any-service = без определённой услуги
assignment-to-member =
    📌 Поручение руководителя группы.
    Что сделать: { $task }
    Услуга: { $service }
    Срок: до { $date }
    Примите его и, когда выполните, отчитайтесь кнопкой.
assignment-accept-button = Принять
assignment-report-button = Отчитаться
assignment-done-button = ✅ Выполнено
assignment-return-button = ↩️ Вернуть
assign-ask-members = Кому дать поручение? Напишите номера через запятую, например 1, 3.
assign-members-hint = Напишите номера из списка (от 1 до { $count }) через запятую.
assign-ask-task = Что нужно сделать?
assign-task-hint = Напишите поручение текстом (от 3 до 1000 знаков).
assign-ask-service = Какая услуга?
assign-ask-due = Срок выполнения? Например 15.12 или 15.12.2026.
assign-saved = { $count ->
    [one] Поручение дано { $count } члену группы.
   *[other] Поручение дано { $count } членам группы.
}
assignment-refused-not-found = Такого поручения нет.
assignment-refused-closed = Срок работы группы окончен: её записи больше не меняются.
assignment-refused-not-allowed = Поручения даёт и проверяет руководитель группы; принять поручение и отчитаться по нему может только тот, кому оно дано.
assignment-refused-not-member = Поручение можно дать только действующим членам группы.
assignment-refused-past = Срок поручения уже прошёл.
assignment-refused-wrong-status = Сейчас этого сделать нельзя: посмотрите /assignments.
report-ask-text = Отчёт о выполнении поручения: что сделано?
report-text-hint = Напишите отчёт текстом (от 3 до 1000 знаков).
report-ask-photos = Пришлите фотографии (не более { $max }) или нажмите «Готово».
report-ask-observations = Связать с отчётом ваши наблюдения? Напишите их номера через запятую или нажмите «Без наблюдений».
report-no-observations = Без наблюдений
report-observations-hint = Напишите номера из списка (от 1 до { $count }) или нажмите «Без наблюдений».
report-saved = Отчёт отправлен руководителю группы.
assignment-reported =
    📨 Отчёт о поручении. Исполнитель: { $name }
    Поручение: { $task }
    Услуга: { $service }
    Срок: до { $date }
assignment-attached = Фотографий: { $photos }; наблюдений: { $observations }.
assignments-title = Открытые поручения группы «{ $municipality }»:
assignments-none = В группе «{ $municipality }» нет открытых поручений.
assignments-line = { $n }. { $name }: { $task } ({ $service }) — до { $date }, { $status }
assignments-line-overdue = { $n }. ⚠️ { $name }: { $task } ({ $service }) — срок истёк { $date }, { $status }
assignments-more = …и ещё { $count }.
assignment-status-given = не принято
assignment-status-accepted = в работе
assignment-status-reported = отчёт ждёт проверки
assignment-status-done = выполнено
assignment-accept-n = Принять { $n }
assignment-report-n = Отчитаться { $n }
assignment-done-n = ✅ { $n }
assignment-return-n = ↩️ { $n }
assignment-accepted = Поручение принято.
assignment-accepted-to-leader = { $name } принял(а) поручение: { $task }
assignment-marked-done = Отмечено как выполненное.
assignment-marked-returned = Возвращено на доработку.
assignment-done-to-member = ✅ Руководитель группы принял ваш отчёт, поручение выполнено: { $task }
assignment-returned-to-member = ↩️ Руководитель группы вернул отчёт на доработку. Поручение: { $task } (срок: до { $date }). Отчитайтесь снова кнопкой.
reminder-assignment-due = Напоминание о поручении (срок: { $date }): { $task }
reminder-assignment-overdue = ⚠️ Срок поручения истёк ({ $date }), а отчёта нет. Поручение: { $task }

info-to-button-head = Главе айыл окмоту
info-to-button-provider = Поставщику услуги или сотруднику
info-to-head = глава айыл окмоту
info-ask-to = Кому адресован запрос информации?
info-ask-provider = Кому именно (организация, должность, имя)?
info-provider-hint = Напишите адресата текстом (от 2 до 100 знаков).
info-ask-subject = Какая информация, документы или материалы нужны?
info-subject-hint = Напишите запрос текстом (от 3 до 1000 знаков).
info-ask-due = К какому сроку нужен ответ? Например 15.12 или 15.12.2026.
info-refused-not-found = Такого запроса нет.
info-refused-closed = Срок работы группы окончен: её записи больше не меняются.
info-refused-not-allowed = Запросы записывает руководитель группы; ответ записывает руководитель группы или глава айыл окмоту, если запрос адресован ему.
info-refused-past = Этот срок уже прошёл.
info-refused-answered = На этот запрос ответ уже записан.
info-saved-recorded = Запрос записан. Когда придёт ответ, запишите его в /inforequests.
info-saved-sent = Запрос записан и отправлен главе айыл окмоту в личный чат.
info-saved-kept = Запрос записан. Написать главе айыл окмоту в личный чат сейчас нельзя: запрос будет доставлен, как только он откроет чат с ботом.
info-saved-no-head = Запрос записан, но глава айыл окмоту не зарегистрирован в группе: передайте запрос сами и запишите ответ в /inforequests.
info-to-head-message =
    📨 Запрос информации от группы СМиО «{ $municipality }».
    Что нужно: { $subject }
    Срок ответа: { $date }
    Ответить можно кнопкой: текст и файлы.
info-answer-button = Записать ответ
info-ask-answer = Напишите ответ на запрос (текст).
info-answer-hint = Напишите ответ текстом (до 1000 знаков).
info-ask-files = Пришлите файлы или фотографии к ответу (не более { $max }) или нажмите «Готово».
info-answer-saved = Ответ записан.
info-answered-group =
    📬 Получен ответ на запрос информации.
    Адресат: { $to }
    Запрос: { $subject }
    Ответ: { $answer }
info-answered-to-leader =
    📬 Ответ на запрос информации группы «{ $municipality }».
    Запрос: { $subject }
    Ответ: { $answer }
info-title = Запросы информации группы «{ $municipality }» без ответа:
info-none = У группы «{ $municipality }» нет запросов информации без ответа.
info-line = { $n }. { $to }: { $subject } — срок { $date }
info-line-overdue = { $n }. ⚠️ { $to }: { $subject } — срок истёк { $date }
info-more = …и ещё { $count }.
info-answer-n = Записать ответ на { $n }

status-plan-none = План работы: не записан
status-plan-approved = План работы: утверждён, до { $date }
status-plan-awaiting = План работы: ждёт утверждения, до { $date }
status-term-ended = Срок работы завершён ({ $date }). Причина: { $reason }
status-assignments = Открытых поручений: { $count }
status-assignments-overdue = ⚠️ Просроченных поручений: { $count }
status-info = Запросов информации без ответа: { $count }
status-info-overdue = ⚠️ Просроченных запросов информации: { $count }
reminders-assignments = • Поручения: исполнителю в личном чате — за день до срока и один раз, когда срок истёк без отчёта.
signature-with-dissent = (с особым мнением)
signing-dissents-in-protocol = Особые мнения — в протоколе: /protocol.

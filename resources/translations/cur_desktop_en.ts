<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="82"/>
        <source> [демо]</source>
        <translation> [demo]</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="95"/>
        <source>Демо</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="97"/>
        <source>Оператор</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="98"/>
        <source>Старший смены</source>
        <translation>Shift supervisor</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="99"/>
        <source>Сотрудник МО</source>
        <translation>Municipal officer</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="100"/>
        <source>Тренер</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="103"/>
        <source>Войти как: </source>
        <translation>Sign in as: </translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="25"/>
        <source>Взять в работу</source>
        <translation>Take</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="26"/>
        <location filename="../../cur_desktop/ui/incident_card.py" line="115"/>
        <source>Вернуть в очередь</source>
        <translation>Return to queue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="27"/>
        <source>Назначить</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="28"/>
        <location filename="../../cur_desktop/ui/main_window.py" line="535"/>
        <source>Сменить статус</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="29"/>
        <source>Сменить сферу</source>
        <translation>Change sector</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="30"/>
        <source>Передать в другое МО</source>
        <translation>Transfer to another municipality</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="31"/>
        <location filename="../../cur_desktop/ui/main_window.py" line="62"/>
        <location filename="../../cur_desktop/ui/main_window.py" line="499"/>
        <source>Направить в ведомство</source>
        <translation>Route to agency</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="32"/>
        <location filename="../../cur_desktop/ui/main_window.py" line="175"/>
        <source>Ответ</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="33"/>
        <source>Согласовать ответ</source>
        <translation>Approve reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="34"/>
        <source>Вернуть ответ</source>
        <translation>Return reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="35"/>
        <location filename="../../cur_desktop/ui/incident_card.py" line="59"/>
        <location filename="../../cur_desktop/ui/main_window.py" line="63"/>
        <source>Заметка</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="43"/>
        <source>Конфликт</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="44"/>
        <source>Отклонено</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="60"/>
        <source>Применить снова</source>
        <translation>Apply again</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="61"/>
        <source>Отбросить</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="69"/>
        <source>Правки, которые сервер не принял. Ваш текст сохранён: примените его снова или отбросьте.</source>
        <translation>Changes the server did not accept. Your text is kept: apply it again or discard it.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/dialogs.py" line="70"/>
        <source>Заполните обязательные поля</source>
        <translation>Fill in the required fields</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="46"/>
        <location filename="../../cur_desktop/ui/incident_card.py" line="47"/>
        <location filename="../../cur_desktop/ui/incident_card.py" line="96"/>
        <source>Поступило</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="48"/>
        <location filename="../../cur_desktop/ui/main_window.py" line="475"/>
        <source>Взято в работу</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="49"/>
        <source>Возвращено в очередь</source>
        <translation>Returned to queue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="50"/>
        <source>Назначено</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="51"/>
        <source>Статус изменён</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="52"/>
        <source>Сфера/рубрика изменена</source>
        <translation>Sector/category changed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="53"/>
        <source>Передано в другое МО</source>
        <translation>Transferred to another municipality</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="54"/>
        <source>Направлено в ведомство</source>
        <translation>Routed to agency</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="55"/>
        <source>Добавлен ответ</source>
        <translation>Reply added</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="56"/>
        <source>Ответ опубликован</source>
        <translation>Reply published</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="57"/>
        <source>Ответ согласован</source>
        <translation>Reply approved</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="58"/>
        <source>Ответ возвращён на доработку</source>
        <translation>Reply returned for revision</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="88"/>
        <source>Автор</source>
        <extracomment>(action name, incident id): claim, release, reply, route, category, status, reject, note</extracomment>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="89"/>
        <location filename="../../cur_desktop/ui/queue_model.py" line="36"/>
        <source>Канал</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="90"/>
        <source>Источник</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="91"/>
        <location filename="../../cur_desktop/ui/queue_model.py" line="35"/>
        <source>Муниципалитет</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="92"/>
        <source>Сфера / рубрика</source>
        <translation>Sector / category</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="93"/>
        <location filename="../../cur_desktop/ui/main_window.py" line="521"/>
        <location filename="../../cur_desktop/ui/queue_model.py" line="33"/>
        <source>Важность</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="94"/>
        <location filename="../../cur_desktop/ui/main_window.py" line="506"/>
        <source>Ведомство</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="95"/>
        <location filename="../../cur_desktop/ui/queue_model.py" line="38"/>
        <source>Исполнитель</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="97"/>
        <source>Первый ответ до</source>
        <translation>First answer due</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="98"/>
        <source>Окончательный ответ до</source>
        <translation>Final answer due</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="99"/>
        <source>Вложения</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="114"/>
        <source>Взять</source>
        <translation>Take</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="116"/>
        <location filename="../../cur_desktop/ui/main_window.py" line="61"/>
        <source>Ответить</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="117"/>
        <source>Направить…</source>
        <translation>Route…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="118"/>
        <source>Сфера…</source>
        <translation>Sector…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="119"/>
        <source>Статус…</source>
        <translation>Status…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="120"/>
        <source>Отклонить…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="121"/>
        <source>Заметка…</source>
        <translation>Note…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="136"/>
        <source>Сообщение</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="140"/>
        <source>История</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="152"/>
        <source>Выберите обращение в очереди</source>
        <translation>Select an incident in the queue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="167"/>
        <source>Аноним</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="175"/>
        <source>не назначено</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="194"/>
        <source>система</source>
        <translation>system</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="194"/>
        <source> (не отправлено)</source>
        <translation> (not sent)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="12"/>
        <source>промежуточный</source>
        <translation>interim</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="13"/>
        <source>окончательный</source>
        <translation>final</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="14"/>
        <source>уточнение</source>
        <translation>clarification</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="17"/>
        <source>черновик</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="18"/>
        <source>на согласовании</source>
        <translation>awaiting approval</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="19"/>
        <source>согласован</source>
        <translation>approved</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="20"/>
        <source>возвращён на доработку</source>
        <translation>returned for rework</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="21"/>
        <source>опубликован</source>
        <translation>published</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="70"/>
        <source>сотрудник №{id}</source>
        <translation>staff member #{id}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="82"/>
        <location filename="../../cur_desktop/ui/main_window.py" line="522"/>
        <source>Высокая</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="83"/>
        <location filename="../../cur_desktop/ui/main_window.py" line="522"/>
        <source>Обычная</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="42"/>
        <source>Вход — ЦУР</source>
        <translation>Sign in — RMC</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="48"/>
        <source>Запомнить вход (в хранилище паролей ОС)</source>
        <translation>Remember sign-in (in the OS password store)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="57"/>
        <source>Хранилище паролей ОС недоступно: вход сохранится только до выхода.</source>
        <translation>The OS password store is unavailable: the sign-in will be kept only until you quit.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="58"/>
        <source>Работать офлайн</source>
        <translation>Work offline</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="64"/>
        <source>Войти</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="70"/>
        <source>Сервер</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="71"/>
        <source>Пользователь</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="72"/>
        <source>Пароль</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="84"/>
        <source>Вход…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="102"/>
        <source>Можно работать офлайн с последним профилем.</source>
        <translation>You can work offline with the last profile.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="114"/>
        <source>Открываю локальный профиль…</source>
        <translation>Opening the local profile…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="59"/>
        <source>Взять следующее</source>
        <translation>Take next</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="60"/>
        <source>Взять выбранное</source>
        <translation>Take selected</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="64"/>
        <source>Отправить ответ</source>
        <translation>Send reply</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="65"/>
        <source>Поиск</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="66"/>
        <source>Синхронизировать</source>
        <translation>Synchronize</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="67"/>
        <location filename="../../cur_desktop/ui/main_window.py" line="190"/>
        <source>Несохранённые правки</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="68"/>
        <source>К очереди</source>
        <translation>Go to queue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="69"/>
        <location filename="../../cur_desktop/ui/main_window.py" line="581"/>
        <source>Горячие клавиши</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="102"/>
        <source>ЦУР — рабочее место</source>
        <translation>RMC — Workstation</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="136"/>
        <source>Поиск по тексту (Ctrl+F)</source>
        <translation>Search text (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="148"/>
        <source>Сохранённые представления</source>
        <translation>Saved views</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="152"/>
        <source>Сохранить текущее представление</source>
        <translation>Save the current view</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="174"/>
        <source>Карточка</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="219"/>
        <source>Все статусы</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="220"/>
        <source>Все сферы</source>
        <translation>All sectors</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="222"/>
        <source>Все МО</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="225"/>
        <source>Все каналы</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="227"/>
        <source>Любой срок</source>
        <translation>Any deadline</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="229"/>
        <location filename="../../cur_desktop/ui/sla_view.py" line="30"/>
        <source>В срок</source>
        <extracomment>Symbol + colour: the symbol carries the meaning for colour-blind users, the colour helps everyone else (blue/orange/red-purple are told apart in the common colour-vision deficiencies).</extracomment>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="230"/>
        <location filename="../../cur_desktop/ui/queue_source.py" line="24"/>
        <location filename="../../cur_desktop/ui/sla_view.py" line="31"/>
        <source>Под угрозой</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="231"/>
        <location filename="../../cur_desktop/ui/sla_view.py" line="32"/>
        <source>Просрочено</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="275"/>
        <source>Действия</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="359"/>
        <source>Представления…</source>
        <translation>Views…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="367"/>
        <source>Сохранить представление</source>
        <translation>Save view</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="367"/>
        <source>Название:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="454"/>
        <source>Действие невозможно</source>
        <translation>Action not possible</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="470"/>
        <source>Свободных обращений нет</source>
        <translation>No unassigned incidents</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="507"/>
        <source>Комментарий</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="511"/>
        <source>Сфера и рубрика</source>
        <translation>Sector and category</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="513"/>
        <location filename="../../cur_desktop/ui/queue_model.py" line="34"/>
        <source>Сфера</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="517"/>
        <source>Рубрика</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="517"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="535"/>
        <source>Отклонить</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="537"/>
        <source>Новый статус</source>
        <translation>New status</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="540"/>
        <source>Причина (для отклонения и возобновления)</source>
        <translation>Reason (for rejecting and reopening)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="542"/>
        <source>Что сделано (для «Решено»)</source>
        <translation>What was done (for «Resolved»)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="550"/>
        <source>Внутренняя заметка</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="551"/>
        <location filename="../../cur_desktop/ui/queue_model.py" line="37"/>
        <source>Текст</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="562"/>
        <source>Ответ сохранён и будет отправлен</source>
        <translation>Reply saved and will be sent</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="639"/>
        <source>Срок под угрозой</source>
        <translation>Deadline at risk</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="640"/>
        <source>Срок нарушен</source>
        <translation>Deadline missed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="30"/>
        <source>Номер</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="31"/>
        <source>Срок ответа</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="32"/>
        <source>Статус</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="39"/>
        <source>Получено</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="204"/>
        <source>Есть изменения, ещё не отправленные на сервер</source>
        <extracomment>Which cache sort key each column sorts by.</extracomment>
        <translation>Has changes not yet sent to the server</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_source.py" line="22"/>
        <source>Мои</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_source.py" line="23"/>
        <source>Без исполнителя</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_source.py" line="25"/>
        <source>Просрочены</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_source.py" line="26"/>
        <source>Все</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="43"/>
        <source>Промежуточный</source>
        <translation>Interim</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="44"/>
        <source>Окончательный</source>
        <translation>Final</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="45"/>
        <source>Уточнение</source>
        <translation>Clarification</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="120"/>
        <source>Поиск шаблона…</source>
        <translation>Search templates…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="129"/>
        <source>Текст ответа заявителю</source>
        <translation>Reply text to the citizen</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="149"/>
        <source>Отправить (Ctrl+Enter)</source>
        <translation>Send (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="161"/>
        <source>Шаблоны</source>
        <translation>Templates</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="168"/>
        <source>Вид ответа:</source>
        <translation>Reply type:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="214"/>
        <source>Проверка орфографии выключена: {reason}</source>
        <translation>Spelling check is off: {reason}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="257"/>
        <source>Ответ уйдёт старшему смены на согласование перед публикацией.</source>
        <translation>The reply will go to the shift supervisor for approval before publication.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="268"/>
        <source>без комментария</source>
        <translation>no comment</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="269"/>
        <source>Старший смены вернул ответ на доработку: {comment}</source>
        <translation>The shift supervisor returned the reply for rework: {comment}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="339"/>
        <source>Орфография: {n}</source>
        <translation>Spelling: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="341"/>
        <source>✓ Проверки пройдены</source>
        <translation>✓ Checks passed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="385"/>
        <source>Нет вариантов</source>
        <translation>No suggestions</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="388"/>
        <source>Пропустить «{word}»</source>
        <translation>Ignore “{word}”</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="33"/>
        <source>Завершено</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="43"/>
        <source>{d} р.д. {h} ч</source>
        <translation>{d} w.d. {h} h</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="45"/>
        <source>{h} ч {m:02d} мин</source>
        <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="46"/>
        <source>{m} мин</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="98"/>
        <source>просрочено на {span}</source>
        <translation>overdue by {span}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="15"/>
        <source>На связи</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="18"/>
        <source>Нет связи с сервером — работа продолжается локально</source>
        <translation>No connection to the server — working locally</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="21"/>
        <source>Синхронизация…</source>
        <translation>Synchronizing…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="22"/>
        <source>Ошибка синхронизации</source>
        <translation>Sync error</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="61"/>
        <source>отправлено</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="62"/>
        <source>получено</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="65"/>
        <source>К отправке: {n}</source>
        <translation>To send: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="66"/>
        <source>Несохранённые правки: {n}</source>
        <translation>Unsaved changes: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="71"/>
        <source>никогда</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="72"/>
        <source>Синхронизировано: {when}</source>
        <translation>Synchronized: {when}</translation>
    </message>
</context>
</TS>

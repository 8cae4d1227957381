<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name />
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="82" />
        <source> [демо]</source>
        <translation> [демо]</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="95" />
        <source>Демо</source>
        <translation>Демо</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="97" />
        <source>Оператор</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="98" />
        <source>Старший смены</source>
        <translation>Старший смены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="99" />
        <source>Сотрудник МО</source>
        <translation>Сотрудник МО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="100" />
        <source>Тренер</source>
        <translation>Тренер</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/app.py" line="103" />
        <source>Войти как: </source>
        <translation>Войти как: </translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="25" />
        <source>Взять в работу</source>
        <translation>Взять в работу</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="26" />
        <location filename="../../cur_desktop/ui/incident_card.py" line="115" />
        <source>Вернуть в очередь</source>
        <translation>Вернуть в очередь</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="27" />
        <source>Назначить</source>
        <translation>Назначить</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="28" />
        <location filename="../../cur_desktop/ui/main_window.py" line="535" />
        <source>Сменить статус</source>
        <translation>Сменить статус</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="29" />
        <source>Сменить сферу</source>
        <translation>Сменить сферу</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="30" />
        <source>Передать в другое МО</source>
        <translation>Передать в другое МО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="31" />
        <location filename="../../cur_desktop/ui/main_window.py" line="62" />
        <location filename="../../cur_desktop/ui/main_window.py" line="499" />
        <source>Направить в ведомство</source>
        <translation>Направить в ведомство</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="32" />
        <location filename="../../cur_desktop/ui/main_window.py" line="175" />
        <source>Ответ</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="33" />
        <source>Согласовать ответ</source>
        <translation>Согласовать ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="34" />
        <source>Вернуть ответ</source>
        <translation>Вернуть ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="35" />
        <location filename="../../cur_desktop/ui/incident_card.py" line="59" />
        <location filename="../../cur_desktop/ui/main_window.py" line="63" />
        <source>Заметка</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="43" />
        <source>Конфликт</source>
        <translation>Конфликт</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="44" />
        <source>Отклонено</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="60" />
        <source>Применить снова</source>
        <translation>Применить снова</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="61" />
        <source>Отбросить</source>
        <translation>Отбросить</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/conflicts_panel.py" line="69" />
        <source>Правки, которые сервер не принял. Ваш текст сохранён: примените его снова или отбросьте.</source>
        <translation>Правки, которые сервер не принял. Ваш текст сохранён: примените его снова или отбросьте.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/dialogs.py" line="70" />
        <source>Заполните обязательные поля</source>
        <translation>Заполните обязательные поля</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="46" />
        <location filename="../../cur_desktop/ui/incident_card.py" line="47" />
        <location filename="../../cur_desktop/ui/incident_card.py" line="96" />
        <source>Поступило</source>
        <translation>Поступило</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="48" />
        <location filename="../../cur_desktop/ui/main_window.py" line="475" />
        <source>Взято в работу</source>
        <translation>Взято в работу</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="49" />
        <source>Возвращено в очередь</source>
        <translation>Возвращено в очередь</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="50" />
        <source>Назначено</source>
        <translation>Назначено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="51" />
        <source>Статус изменён</source>
        <translation>Статус изменён</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="52" />
        <source>Сфера/рубрика изменена</source>
        <translation>Сфера/рубрика изменена</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="53" />
        <source>Передано в другое МО</source>
        <translation>Передано в другое МО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="54" />
        <source>Направлено в ведомство</source>
        <translation>Направлено в ведомство</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="55" />
        <source>Добавлен ответ</source>
        <translation>Добавлен ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="56" />
        <source>Ответ опубликован</source>
        <translation>Ответ опубликован</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="57" />
        <source>Ответ согласован</source>
        <translation>Ответ согласован</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="58" />
        <source>Ответ возвращён на доработку</source>
        <translation>Ответ возвращён на доработку</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="88" />
        <source>Автор</source>
        <extracomment>(action name, incident id): claim, release, reply, route, category, status, reject, note</extracomment>
        <translation>Автор</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="89" />
        <location filename="../../cur_desktop/ui/queue_model.py" line="36" />
        <source>Канал</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="90" />
        <source>Источник</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="91" />
        <location filename="../../cur_desktop/ui/queue_model.py" line="35" />
        <source>Муниципалитет</source>
        <translation>Муниципалитет</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="92" />
        <source>Сфера / рубрика</source>
        <translation>Сфера / рубрика</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="93" />
        <location filename="../../cur_desktop/ui/main_window.py" line="521" />
        <location filename="../../cur_desktop/ui/queue_model.py" line="33" />
        <source>Важность</source>
        <translation>Важность</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="94" />
        <location filename="../../cur_desktop/ui/main_window.py" line="506" />
        <source>Ведомство</source>
        <translation>Ведомство</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="95" />
        <location filename="../../cur_desktop/ui/queue_model.py" line="38" />
        <source>Исполнитель</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="97" />
        <source>Первый ответ до</source>
        <translation>Первый ответ до</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="98" />
        <source>Окончательный ответ до</source>
        <translation>Окончательный ответ до</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="99" />
        <source>Вложения</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="114" />
        <source>Взять</source>
        <translation>Взять</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="116" />
        <location filename="../../cur_desktop/ui/main_window.py" line="61" />
        <source>Ответить</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="117" />
        <source>Направить…</source>
        <translation>Направить…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="118" />
        <source>Сфера…</source>
        <translation>Сфера…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="119" />
        <source>Статус…</source>
        <translation>Статус…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="120" />
        <source>Отклонить…</source>
        <translation>Отклонить…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="121" />
        <source>Заметка…</source>
        <translation>Заметка…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="136" />
        <source>Сообщение</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="140" />
        <source>История</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="152" />
        <source>Выберите обращение в очереди</source>
        <translation>Выберите обращение в очереди</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="167" />
        <source>Аноним</source>
        <translation>Аноним</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="175" />
        <source>не назначено</source>
        <translation>не назначено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="194" />
        <source>система</source>
        <translation>система</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/incident_card.py" line="194" />
        <source> (не отправлено)</source>
        <translation> (не отправлено)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="12" />
        <source>промежуточный</source>
        <translation>промежуточный</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="13" />
        <source>окончательный</source>
        <translation>окончательный</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="14" />
        <source>уточнение</source>
        <translation>уточнение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="17" />
        <source>черновик</source>
        <translation>черновик</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="18" />
        <source>на согласовании</source>
        <translation>на согласовании</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="19" />
        <source>согласован</source>
        <translation>согласован</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="20" />
        <source>возвращён на доработку</source>
        <translation>возвращён на доработку</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="21" />
        <source>опубликован</source>
        <translation>опубликован</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="70" />
        <source>сотрудник №{id}</source>
        <translation>сотрудник №{id}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="82" />
        <location filename="../../cur_desktop/ui/main_window.py" line="522" />
        <source>Высокая</source>
        <translation>Высокая</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/labels.py" line="83" />
        <location filename="../../cur_desktop/ui/main_window.py" line="522" />
        <source>Обычная</source>
        <translation>Обычная</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="42" />
        <source>Вход — ЦУР</source>
        <translation>Вход — ЦУР</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="48" />
        <source>Запомнить вход (в хранилище паролей ОС)</source>
        <translation>Запомнить вход (в хранилище паролей ОС)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="57" />
        <source>Хранилище паролей ОС недоступно: вход сохранится только до выхода.</source>
        <translation>Хранилище паролей ОС недоступно: вход сохранится только до выхода.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="58" />
        <source>Работать офлайн</source>
        <translation>Работать офлайн</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="64" />
        <source>Войти</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="70" />
        <source>Сервер</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="71" />
        <source>Пользователь</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="72" />
        <source>Пароль</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="84" />
        <source>Вход…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="102" />
        <source>Можно работать офлайн с последним профилем.</source>
        <translation>Можно работать офлайн с последним профилем.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/login_dialog.py" line="114" />
        <source>Открываю локальный профиль…</source>
        <translation>Открываю локальный профиль…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="59" />
        <source>Взять следующее</source>
        <translation>Взять следующее</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="60" />
        <source>Взять выбранное</source>
        <translation>Взять выбранное</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="64" />
        <source>Отправить ответ</source>
        <translation>Отправить ответ</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="65" />
        <source>Поиск</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="66" />
        <source>Синхронизировать</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="67" />
        <location filename="../../cur_desktop/ui/main_window.py" line="190" />
        <source>Несохранённые правки</source>
        <translation>Несохранённые правки</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="68" />
        <source>К очереди</source>
        <translation>К очереди</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="69" />
        <location filename="../../cur_desktop/ui/main_window.py" line="581" />
        <source>Горячие клавиши</source>
        <translation>Горячие клавиши</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="102" />
        <source>ЦУР — рабочее место</source>
        <translation>ЦУР — рабочее место</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="136" />
        <source>Поиск по тексту (Ctrl+F)</source>
        <translation>Поиск по тексту (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="148" />
        <source>Сохранённые представления</source>
        <translation>Сохранённые представления</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="152" />
        <source>Сохранить текущее представление</source>
        <translation>Сохранить текущее представление</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="174" />
        <source>Карточка</source>
        <translation>Карточка</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="219" />
        <source>Все статусы</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="220" />
        <source>Все сферы</source>
        <translation>Все сферы</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="222" />
        <source>Все МО</source>
        <translation>Все МО</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="225" />
        <source>Все каналы</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="227" />
        <source>Любой срок</source>
        <translation>Любой срок</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="229" />
        <location filename="../../cur_desktop/ui/sla_view.py" line="30" />
        <source>В срок</source>
        <extracomment>Symbol + colour: the symbol carries the meaning for colour-blind users, the colour helps everyone else (blue/orange/red-purple are told apart in the common colour-vision deficiencies).</extracomment>
        <translation>В срок</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="230" />
        <location filename="../../cur_desktop/ui/queue_source.py" line="24" />
        <location filename="../../cur_desktop/ui/sla_view.py" line="31" />
        <source>Под угрозой</source>
        <translation>Под угрозой</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="231" />
        <location filename="../../cur_desktop/ui/sla_view.py" line="32" />
        <source>Просрочено</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="275" />
        <source>Действия</source>
        <translation>Действия</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="359" />
        <source>Представления…</source>
        <translation>Представления…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="367" />
        <source>Сохранить представление</source>
        <translation>Сохранить представление</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="367" />
        <source>Название:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="454" />
        <source>Действие невозможно</source>
        <translation>Действие невозможно</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="470" />
        <source>Свободных обращений нет</source>
        <translation>Свободных обращений нет</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="507" />
        <source>Комментарий</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="511" />
        <source>Сфера и рубрика</source>
        <translation>Сфера и рубрика</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="513" />
        <location filename="../../cur_desktop/ui/queue_model.py" line="34" />
        <source>Сфера</source>
        <translation>Сфера</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="517" />
        <source>Рубрика</source>
        <translation>Рубрика</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="517" />
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="535" />
        <source>Отклонить</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="537" />
        <source>Новый статус</source>
        <translation>Новый статус</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="540" />
        <source>Причина (для отклонения и возобновления)</source>
        <translation>Причина (для отклонения и возобновления)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="542" />
        <source>Что сделано (для «Решено»)</source>
        <translation>Что сделано (для «Решено»)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="550" />
        <source>Внутренняя заметка</source>
        <translation>Внутренняя заметка</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="551" />
        <location filename="../../cur_desktop/ui/queue_model.py" line="37" />
        <source>Текст</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="562" />
        <source>Ответ сохранён и будет отправлен</source>
        <translation>Ответ сохранён и будет отправлен</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="639" />
        <source>Срок под угрозой</source>
        <translation>Срок под угрозой</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/main_window.py" line="640" />
        <source>Срок нарушен</source>
        <translation>Срок нарушен</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="30" />
        <source>Номер</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="31" />
        <source>Срок ответа</source>
        <translation>Срок ответа</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="32" />
        <source>Статус</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="39" />
        <source>Получено</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_model.py" line="204" />
        <source>Есть изменения, ещё не отправленные на сервер</source>
        <extracomment>Which cache sort key each column sorts by.</extracomment>
        <translation>Есть изменения, ещё не отправленные на сервер</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_source.py" line="22" />
        <source>Мои</source>
        <translation>Мои</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_source.py" line="23" />
        <source>Без исполнителя</source>
        <translation>Без исполнителя</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_source.py" line="25" />
        <source>Просрочены</source>
        <translation>Просрочены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/queue_source.py" line="26" />
        <source>Все</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="43" />
        <source>Промежуточный</source>
        <translation>Промежуточный</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="44" />
        <source>Окончательный</source>
        <translation>Окончательный</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="45" />
        <source>Уточнение</source>
        <translation>Уточнение</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="120" />
        <source>Поиск шаблона…</source>
        <translation>Поиск шаблона…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="129" />
        <source>Текст ответа заявителю</source>
        <translation>Текст ответа заявителю</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="149" />
        <source>Отправить (Ctrl+Enter)</source>
        <translation>Отправить (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="161" />
        <source>Шаблоны</source>
        <translation>Шаблоны</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="168" />
        <source>Вид ответа:</source>
        <translation>Вид ответа:</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="214" />
        <source>Проверка орфографии выключена: {reason}</source>
        <translation>Проверка орфографии выключена: {reason}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="257" />
        <source>Ответ уйдёт старшему смены на согласование перед публикацией.</source>
        <translation>Ответ уйдёт старшему смены на согласование перед публикацией.</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="268" />
        <source>без комментария</source>
        <translation>без комментария</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="269" />
        <source>Старший смены вернул ответ на доработку: {comment}</source>
        <translation>Старший смены вернул ответ на доработку: {comment}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="339" />
        <source>Орфография: {n}</source>
        <translation>Орфография: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="341" />
        <source>✓ Проверки пройдены</source>
        <translation>✓ Проверки пройдены</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="385" />
        <source>Нет вариантов</source>
        <translation>Нет вариантов</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/reply_editor.py" line="388" />
        <source>Пропустить «{word}»</source>
        <translation>Пропустить «{word}»</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="33" />
        <source>Завершено</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="43" />
        <source>{d} р.д. {h} ч</source>
        <translation>{d} р.д. {h} ч</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="45" />
        <source>{h} ч {m:02d} мин</source>
        <translation>{h} ч {m:02d} мин</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="46" />
        <source>{m} мин</source>
        <translation>{m} мин</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/sla_view.py" line="98" />
        <source>просрочено на {span}</source>
        <translation>просрочено на {span}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="15" />
        <source>На связи</source>
        <translation>На связи</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="18" />
        <source>Нет связи с сервером — работа продолжается локально</source>
        <translation>Нет связи с сервером — работа продолжается локально</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="21" />
        <source>Синхронизация…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="22" />
        <source>Ошибка синхронизации</source>
        <translation>Ошибка синхронизации</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="61" />
        <source>отправлено</source>
        <translation>отправлено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="62" />
        <source>получено</source>
        <translation>получено</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="65" />
        <source>К отправке: {n}</source>
        <translation>К отправке: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="66" />
        <source>Несохранённые правки: {n}</source>
        <translation>Несохранённые правки: {n}</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="71" />
        <source>никогда</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../../cur_desktop/ui/status_bar.py" line="72" />
        <source>Синхронизировано: {when}</source>
        <translation>Синхронизировано: {when}</translation>
    </message>
</context>
</TS>
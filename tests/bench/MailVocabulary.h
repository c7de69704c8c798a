// Words and names MailGenerator builds its text from, in UTF-8, separated by spaces. A few hundred
// real words per language make bodies compress like real mail, which random bytes would not.
// Names are "display:ascii", the ASCII form giving the address's local part.
#pragma once

namespace MailVocabulary {

// English, German, French, Russian, CJK: the order of MailGenerator::Language.
inline constexpr const char *kWords[] = {
    "the of and to in is that for it as with was on be at by this have from or one had not but "
    "what all were when we there can an your which their said if do will each about how up out "
    "them then she many some so these would other into has more her two like him see time could "
    "no make than first been its who now people my made over did down only way find use may long "
    "little very after called just where most know get through back much before go good new "
    "write our used me man too any day same right look think also around another came come work "
    "three word must because does part even place well such here take why help put different "
    "away again off went old number great tell men say small every found still between name "
    "should home big give air line set own under read last never us left end along while might "
    "next sound below saw something thought both few those always show large often together "
    "asked house world going want school important until form food keep children feet land side "
    "without boy once animal life enough took four head above kind began almost live page got "
    "earth need far hand high year mother light country father let night picture being study "
    "second soon story since white ever paper hard near sentence better best across during today "
    "however sure knew try told young sun thing whole hear example heard several change answer "
    "room sea against top turned learn point city play toward five himself usually money seen "
    "meeting invoice project budget quarter report deadline customer contract review schedule "
    "proposal update draft attached please thanks regards agenda minutes approval shipment order "
    "delivery payment account server backup migration release ticket issue feedback forecast",
    "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an "
    "werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum "
    "war haben nur oder aber vor zur bis mehr durch man sein wurde sei Angebot Rechnung Termin "
    "Besprechung Unterlagen Vertrag Lieferung Bestellung Kunde Projekt Änderung Prüfung Übersicht "
    "Grüße freundlichen bitte danke größer Straße Größe schön müssen können möchten dürfen "
    "Verfügung Rückfrage Abstimmung Zusammenfassung Protokoll Frühjahr Geschäftsführung Büro "
    "Mitarbeiter Zeitraum Kosten Umsatz Planung Ausschreibung Anhang beigefügt gemäß bezüglich "
    "nächste Woche Montag Dienstag Mittwoch Donnerstag Freitag Jahresabschluss Überweisung "
    "Kündigung Verlängerung Genehmigung Entwurf Fehler Lösung Anfrage Rückmeldung Qualität",
    "le de un à être et en avoir que pour dans ce il qui ne sur se pas plus pouvoir par je avec "
    "tout faire son mettre autre on mais nous comme ou si leur y dire elle devoir avant deux même "
    "prendre aussi celui donner bien où fois vous encore nouveau aller cela entre premier vouloir "
    "déjà grand mon me moins aucun lui temps très savoir falloir voir quelque sans raison notre "
    "dont non an monde jour monsieur madame réunion facture devis commande livraison projet "
    "équipe société réponse délai prochaine semaine été après très problème élément présentation "
    "contrôle sécurité réseau données client priorité mise à jour pièce jointe cordialement "
    "merci bonne journée dernière étape général résultat procédure activité financière hôpital "
    "château français économie intérêt qualité bientôt voilà préférence numéro début accès",
    "и в не на я быть он с что а по это она этот к но они мы как из у который то за свой весь "
    "год от так о для ты же все тот мочь вы человек такой его сказать только или ещё бы себя "
    "один когда уже до время если сам другой вот говорить наш мой знать стать при чтобы дело "
    "жизнь кто первый очень два день её новый рука даже во со раз где там под можно ну какой "
    "отчёт договор счёт поставка заказ встреча проект клиент сервер письмо вложение срок "
    "согласование бюджет квартал работа вопрос ответ спасибо уважением коллеги пожалуйста "
    "документы изменения сегодня завтра неделя понедельник пятница обновление ошибка решение",
    "会议 报告 项目 客户 合同 发票 问题 时间 今天 明天 谢谢 请 确认 附件 文件 更新 计划 预算 "
    "季度 销售 市场 产品 服务 团队 经理 公司 部门 系统 数据 网络 安全 测试 发布 版本 需求 "
    "会議 資料 確認 予定 お願い 担当 連絡 変更 対応 報告書 見積 請求書 納期 打ち合わせ 本日 "
    "よろしく 申し上げます 検討 共有 準備 完了 開始 終了 調整 提案 顧客 契約 品質 改善",
};

inline constexpr const char *kFirstNames[] = {
    "James:james Mary:mary Robert:robert Patricia:patricia John:john Jennifer:jennifer "
    "Michael:michael Linda:linda David:david Susan:susan Sarah:sarah Thomas:thomas Karen:karen "
    "Daniel:daniel Emily:emily Matthew:matthew Olivia:olivia Andrew:andrew Laura:laura",
    "Jürgen:juergen Sören:soeren Björn:bjoern Käthe:kaethe Günther:guenther Jörg:joerg Ute:ute "
    "Heike:heike Klaus:klaus Sabine:sabine Matthias:matthias Anja:anja Uwe:uwe Bärbel:baerbel "
    "Maximilian:max Jürgen-Peter:jp Dörte:doerte Lena:lena",
    "Zoé:zoe Hélène:helene François:francois Amélie:amelie Jérôme:jerome Cécile:cecile "
    "Benoît:benoit Gaël:gael Léa:lea Mathéo:matheo Chloé:chloe Noël:noel Inès:ines "
    "Pierre:pierre Camille:camille",
    "Дмитрий:dmitry Алексей:alexey Ольга:olga Наталья:natalya Сергей:sergey Елена:elena "
    "Андрей:andrey Татьяна:tatiana Михаил:mikhail Ирина:irina Пётр:petr Юлия:yulia",
    "伟:wei 娜:na 敏:min 静:jing 强:qiang 太郎:taro 花子:hanako 健:ken 美咲:misaki 翔:sho",
};

inline constexpr const char *kLastNames[] = {
    "Smith:smith Johnson:johnson Williams:williams Brown:brown Jones:jones Miller:miller "
    "Davis:davis Wilson:wilson Taylor:taylor Clark:clark Walker:walker O'Neill:oneill",
    "Müller:mueller Schäfer:schaefer Weiß:weiss Groß:gross Köhler:koehler Schröder:schroeder "
    "Becker:becker Hoffmann:hoffmann Wagner:wagner Krüger:krueger Bäcker:baecker Fuß:fuss",
    "Lefèvre:lefevre Dupré:dupre Béranger:beranger Laurent:laurent Moreau:moreau Girard:girard "
    "Lemaître:lemaitre Gérard:gerard Fournier:fournier Thénardier:thenardier",
    "Иванов:ivanov Смирнова:smirnova Кузнецов:kuznetsov Попова:popova Соколов:sokolov "
    "Лебедева:lebedeva Козлов:kozlov Новикова:novikova Морозов:morozov Волкова:volkova",
    "王:wang 李:li 张:zhang 刘:liu 陈:chen 田中:tanaka 佐藤:sato 鈴木:suzuki 高橋:takahashi",
};

inline constexpr const char *kDomains =
    "contoso.example fabrikam.example northwind.example mueller-gmbh.example "
    "societe-dupre.example tailspin.example adventure-works.example kontora.example "
    "litware.example wingtip.example proseware.example tokyo-shoji.example";

} // namespace MailVocabulary

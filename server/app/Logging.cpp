#include "app/Logging.h"

#include <QLoggingCategory>
#include <QtGlobal>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::App {

void setUpLogging(const QString &level)
{
    // Under systemd the journal stamps the time itself.
    const bool journal = qEnvironmentVariableIsSet("JOURNAL_STREAM");
    qSetMessagePattern(
        (journal ? QString() : u"%{time yyyy-MM-dd hh:mm:ss.zzz} "_s) +
        u"%{if-debug}debug%{endif}%{if-info}info%{endif}%{if-warning}warning%{endif}"
        "%{if-critical}error%{endif}%{if-fatal}fatal%{endif} %{category}: %{message}"_s);

    QString rules = u"*.debug=false\nqt.*.info=false\nmailkeep.*.info=true\n"_s;
    if (level == u"debug"_s)
        rules += u"mailkeep.*.debug=true\n"_s;
    else if (level == u"warning"_s)
        rules += u"mailkeep.*.info=false\n"_s;
    else if (level == u"error"_s)
        rules += u"mailkeep.*.info=false\nmailkeep.*.warning=false\n"_s;
    QLoggingCategory::setFilterRules(rules);
}

} // namespace Mailkeep::App

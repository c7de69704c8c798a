#include "widgets/OutcomeLabel.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

OutcomeLabel::OutcomeLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void OutcomeLabel::showOutcome(const QString &text, bool good)
{
    setText(text);
    setStyleSheet(good ? u"color:#0f5132;"_s : u"color:#842029;"_s);
    setVisible(!text.isEmpty());
}

} // namespace Mailkeep::ClientWidgets

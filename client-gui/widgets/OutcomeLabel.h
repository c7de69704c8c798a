#pragma once

#include <QLabel>

namespace Mailkeep::ClientWidgets {

// What the last action on a page came to: one or more sentences, green when it went well,
// red when not, hidden until there is something to say. Selectable, so a reason can be copied.
class OutcomeLabel final : public QLabel
{
    Q_OBJECT
public:
    explicit OutcomeLabel(QWidget *parent = nullptr);
    void showOutcome(const QString &text, bool good);
    // The text while it is shown, else empty.
    QString shown() const { return isVisible() ? text() : QString(); }
};

} // namespace Mailkeep::ClientWidgets

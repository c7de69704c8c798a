#pragma once

#include <QObject>

class QSocketNotifier;

namespace Mailkeep::App {

// Turns SIGTERM and SIGINT into a Qt signal on the main thread (self-pipe), so shutdown runs
// in order: stop accepting calls, finish or cancel tasks, stop the embedded database.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Mailkeep::App

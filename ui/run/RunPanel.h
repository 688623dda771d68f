// The Run dock: whether the local cloud is running, every endpoint URL with a copy button, and why
// a start failed (a port in use, a project without a folder) as a message in the panel, never a
// dialog that waits.
#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QToolButton;

namespace gatehouse {

class CloudRunner;

class RunPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunPanel(CloudRunner *runner, QWidget *parent = nullptr);

    QTreeWidget *endpointsView() const { return m_endpoints; }
    QString message() const;
    // Shown until the next start (errors) or for a moment (notices).
    void showMessage(const QString &text, bool error);

signals:
    void runRequested();
    void stopRequested();

private:
    void updateState();
    void showEndpoints(const QJsonObject &endpoints);
    void addEndpoint(const QString &name, const QString &kind, const QString &url);
    static QString kindLabel(const QString &type); // "http" -> "HTTP API"

    CloudRunner *m_runner;
    QLabel *m_state;
    QToolButton *m_runButton;
    QLabel *m_message;
    QTreeWidget *m_endpoints;
};

} // namespace gatehouse

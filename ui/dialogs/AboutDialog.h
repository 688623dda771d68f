// Help > About: the version, the Qt it runs on, and the licence.
#pragma once

#include <QDialog>

namespace gatehouse {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    // The text shown, also for tests: name, version, Qt version and licence.
    static QString aboutText();
};

} // namespace gatehouse

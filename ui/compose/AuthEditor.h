// The composer's Auth tab: no auth, an API key header (name and value, x-api-key by default, as API
// Gateway's usage plans expect), a Bearer token (with "Make test token…") or Basic user and password.
#pragma once

#include "ComposerRequest.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace gatehouse {

class AuthEditor : public QWidget {
    Q_OBJECT
public:
    explicit AuthEditor(QWidget *parent = nullptr);

    // Reads and writes only the auth fields of `request`.
    void load(const ComposerRequest &request);
    void store(ComposerRequest &request) const;

    QComboBox *modeBox() const { return m_mode; }
    QLineEdit *bearerTokenEdit() const { return m_bearer; }
    QPushButton *makeTokenButton() const { return m_makeToken; }

signals:
    void edited();
    void makeTestTokenRequested();

private:
    QComboBox *m_mode;
    QStackedWidget *m_pages;
    QLineEdit *m_keyName;
    QLineEdit *m_keyValue;
    QLineEdit *m_bearer;
    QPushButton *m_makeToken;
    QLineEdit *m_user;
    QLineEdit *m_password;
};

} // namespace gatehouse

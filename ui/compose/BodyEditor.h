// The composer's Body tab: none, raw text or JSON (highlighted, folding), a form-urlencoded table, or a
// file sent as it is (binary) chosen with a file picker.
#pragma once

#include "ComposerRequest.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QStackedWidget;

namespace gatehouse {

class CodeEditor;
class KeyValueTable;

class BodyEditor : public QWidget {
    Q_OBJECT
public:
    explicit BodyEditor(QWidget *parent = nullptr);

    // Reads and writes only the body fields of `request`.
    void load(const ComposerRequest &request);
    void store(ComposerRequest &request) const;

    QComboBox *modeBox() const { return m_mode; }
    QComboBox *rawTypeBox() const { return m_rawType; }
    CodeEditor *rawEditor() const { return m_raw; }
    KeyValueTable *formTable() const { return m_form; }
    QLineEdit *fileEdit() const { return m_file; }

signals:
    void edited();

private:
    void showMode(int mode);
    void chooseFile();

    QComboBox *m_mode;
    QComboBox *m_rawType;
    QStackedWidget *m_pages;
    CodeEditor *m_raw;
    KeyValueTable *m_form;
    QLineEdit *m_file;
    bool m_loading = false;
};

} // namespace gatehouse

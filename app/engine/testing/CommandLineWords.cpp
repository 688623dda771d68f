#include "CommandLineWords.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace gatehouse::testing {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::testing", text);
}

bool isBlank(QChar c) {
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') ||
           c == QLatin1Char('\r');
}

// A line break at `i` ("\n" or "\r\n"): its length, else 0.
int lineBreakAt(const QString &text, qsizetype i) {
    if (i < text.size() && text[i] == QLatin1Char('\n')) return 1;
    if (i + 1 < text.size() && text[i] == QLatin1Char('\r') && text[i + 1] == QLatin1Char('\n')) return 2;
    return 0;
}

int hexValue(QChar c) {
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9') return u - u'0';
    if (u >= u'a' && u <= u'f') return u - u'a' + 10;
    if (u >= u'A' && u <= u'F') return u - u'A' + 10;
    return -1;
}

// Reads up to `maxDigits` digits of `base` at `i` (moving it); nullopt when there are none.
std::optional<uint> readNumber(const QString &text, qsizetype &i, int maxDigits, int base) {
    uint value = 0;
    int digits = 0;
    while (digits < maxDigits && i < text.size()) {
        const int digit = hexValue(text[i]);
        if (digit < 0 || digit >= base) break;
        value = value * uint(base) + uint(digit);
        ++i;
        ++digits;
    }
    if (digits == 0) return std::nullopt;
    return value;
}

void appendCodePoint(QByteArray &bytes, uint codePoint) {
    const char32_t c = char32_t(codePoint);
    bytes += QString::fromUcs4(&c, 1).toUtf8();
}

// bash's $'...' ("ANSI-C Quoting" in the bash manual) from just after the opening quote to the
// closing one; \x and octal escapes are bytes, so the string is assembled as UTF-8.
bool readAnsiCString(const QString &text, qsizetype &i, QString &word) {
    QByteArray bytes;
    while (i < text.size()) {
        const QChar c = text[i++];
        if (c == QLatin1Char('\'')) {
            word += QString::fromUtf8(bytes);
            return true;
        }
        if (c != QLatin1Char('\\') || i >= text.size()) {
            bytes += QString(c).toUtf8();
            continue;
        }
        const QChar e = text[i++];
        switch (e.unicode()) {
        case u'a':
            bytes += '\a';
            break;
        case u'b':
            bytes += '\b';
            break;
        case u'e':
        case u'E':
            bytes += '\x1b';
            break;
        case u'f':
            bytes += '\f';
            break;
        case u'n':
            bytes += '\n';
            break;
        case u'r':
            bytes += '\r';
            break;
        case u't':
            bytes += '\t';
            break;
        case u'v':
            bytes += '\v';
            break;
        case u'\\':
            bytes += '\\';
            break;
        case u'\'':
            bytes += '\'';
            break;
        case u'"':
            bytes += '"';
            break;
        case u'?':
            bytes += '?';
            break;
        case u'x':
            if (const auto value = readNumber(text, i, 2, 16))
                bytes += char(*value);
            else
                bytes += "\\x";
            break;
        case u'u':
        case u'U':
            if (const auto value = readNumber(text, i, e == QLatin1Char('u') ? 4 : 8, 16))
                appendCodePoint(bytes, *value);
            else
                bytes += QString(QLatin1Char('\\') + e).toUtf8();
            break;
        case u'c':
            if (i < text.size()) bytes += char(text[i++].unicode() & 0x1f);
            break;
        default:
            if (e >= QLatin1Char('0') && e <= QLatin1Char('7')) {
                --i;
                bytes += char(readNumber(text, i, 3, 8).value_or(0));
            } else {
                bytes += QString(QLatin1Char('\\') + e).toUtf8();
            }
        }
    }
    return false;
}

QString unbalanced(QChar quote, qsizetype start) {
    return tr("unbalanced %1 quote: the %1 at character %2 is never closed")
        .arg(quote == QLatin1Char('\'') ? tr("single") : tr("double"))
        .arg(start + 1);
}

// The control operators that end a simple command in bash: what follows is another command.
bool isControlOperator(const QString &text, qsizetype i) {
    const QChar c = text[i];
    if (c == QLatin1Char('|') || c == QLatin1Char(';') || c == QLatin1Char('<') || c == QLatin1Char('>'))
        return true;
    return c == QLatin1Char('&') && i + 1 < text.size() && text[i + 1] == QLatin1Char('&');
}

} // namespace

bool looksLikeWindowsCommandLine(const QString &text) {
    static const QRegularExpression caretContinuation(QStringLiteral("\\^\\r?\\n"));
    return text.contains(caretContinuation) || text.contains(QLatin1String("^\""));
}

CommandLineWords splitBashWords(const QString &text) {
    CommandLineWords result;
    QString word;
    bool inWord = false; // '' is a word too
    auto endWord = [&] {
        if (inWord) result.words.append(word);
        word.clear();
        inWord = false;
    };
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == QLatin1Char('\\')) {
            if (const int lineBreak = lineBreakAt(text, i + 1)) { // a line continuation vanishes
                i += 1 + lineBreak;
                continue;
            }
            if (i + 1 < text.size())
                word += text[i + 1];
            else
                word += c;
            inWord = true;
            i += 2;
        } else if (c == QLatin1Char('\'')) {
            const qsizetype end = text.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0) {
                result.error = unbalanced(c, i);
                return result;
            }
            word += text.mid(i + 1, end - i - 1);
            inWord = true;
            i = end + 1;
        } else if (c == QLatin1Char('$') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\'')) {
            const qsizetype start = i;
            i += 2;
            if (!readAnsiCString(text, i, word)) {
                result.error = unbalanced(QLatin1Char('\''), start + 1);
                return result;
            }
            inWord = true;
        } else if (c == QLatin1Char('"')) {
            const qsizetype start = i++;
            bool closed = false;
            while (i < text.size() && !closed) {
                const QChar d = text[i];
                if (d == QLatin1Char('"')) {
                    closed = true;
                    ++i;
                } else if (d == QLatin1Char('\\') && i + 1 < text.size()) {
                    // Inside double quotes a backslash escapes only $ ` " \ and a line break.
                    const QChar e = text[i + 1];
                    if (const int lineBreak = lineBreakAt(text, i + 1)) {
                        i += 1 + lineBreak;
                    } else if (e == QLatin1Char('$') || e == QLatin1Char('`') || e == QLatin1Char('"') ||
                               e == QLatin1Char('\\')) {
                        word += e;
                        i += 2;
                    } else {
                        word += d;
                        ++i;
                    }
                } else {
                    word += d;
                    ++i;
                }
            }
            if (!closed) {
                result.error = unbalanced(c, start);
                return result;
            }
            inWord = true;
        } else if (isBlank(c)) {
            endWord();
            ++i;
        } else if (c == QLatin1Char('#') && !inWord) { // a comment runs to the end of its line
            while (i < text.size() && text[i] != QLatin1Char('\n'))
                ++i;
        } else if (isControlOperator(text, i)) {
            endWord();
            result.ignoredTail = text.mid(i).trimmed();
            return result;
        } else {
            word += c;
            inWord = true;
            ++i;
        }
    }
    endWord();
    return result;
}

CommandLineWords splitWindowsWords(const QString &text) {
    CommandLineWords result;
    // 1. cmd.exe: "^x" is a literal x and "^" + line break continues the line, taking the character
    // after the break literally (Chrome writes a newline inside a string as "^" + two line breaks).
    // Between plain double quotes "^" is literal. An unescaped line break ends the command.
    QString line;
    bool cmdQuoted = false;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == QLatin1Char('"')) {
            cmdQuoted = !cmdQuoted;
            line += c;
            ++i;
        } else if (c == QLatin1Char('^') && !cmdQuoted) {
            if (const int lineBreak = lineBreakAt(text, i + 1)) {
                i += 1 + lineBreak;
                if (i < text.size() && text[i] == QLatin1Char('\r')) ++i;
                if (i < text.size()) line += text[i++];
            } else {
                if (i + 1 < text.size()) line += text[i + 1];
                i += 2;
            }
        } else if (lineBreakAt(text, i) && !cmdQuoted) {
            result.ignoredTail = text.mid(i).trimmed();
            break;
        } else if (c == QLatin1Char('\r')) {
            ++i;
        } else {
            line += c;
            ++i;
        }
    }

    // 2. The C runtime's argv rules: 2n backslashes before a quote are n backslashes and the quote
    // toggles quoting, 2n+1 are n and a literal quote; "" inside quotes is a literal quote.
    QString word;
    bool inWord = false;
    bool quoted = false;
    i = 0;
    while (i < line.size()) {
        const QChar c = line[i];
        if (c == QLatin1Char('\\')) {
            qsizetype count = 0;
            while (i < line.size() && line[i] == QLatin1Char('\\')) {
                ++count;
                ++i;
            }
            if (i < line.size() && line[i] == QLatin1Char('"')) {
                word += QString(count / 2, QLatin1Char('\\'));
                if (count % 2 == 1) {
                    word += QLatin1Char('"');
                    ++i;
                }
            } else {
                word += QString(count, QLatin1Char('\\'));
            }
            inWord = true;
        } else if (c == QLatin1Char('"')) {
            if (quoted && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                word += c;
                i += 2;
                continue;
            }
            quoted = !quoted;
            inWord = true;
            ++i;
        } else if ((c == QLatin1Char(' ') || c == QLatin1Char('\t')) && !quoted) {
            if (inWord) result.words.append(word);
            word.clear();
            inWord = false;
            ++i;
        } else {
            word += c;
            inWord = true;
            ++i;
        }
    }
    if (quoted) { // the C runtime would run to the end; a pasted command was more likely cut short
        result.error = tr("unbalanced double quote: a quoted string is never closed");
        return result;
    }
    if (inWord) result.words.append(word);
    return result;
}

CommandLineWords splitCommandLine(const QString &text) {
    return looksLikeWindowsCommandLine(text) ? splitWindowsWords(text) : splitBashWords(text);
}

} // namespace gatehouse::testing

// A way to read one value out of a project and to write it into an edited copy: the link between a
// field editor and the part of the model it shows, without the field knowing where that part lives.
#pragma once

#include "project/Project.h"

#include <cmath>
#include <functional>
#include <optional>

namespace gatehouse {

template <typename V> struct Lens {
    std::function<V(const Project &)> get;
    std::function<void(Project &, const V &)> set;
};

// Optional whole numbers edited in a QDoubleSpinBox (one optional-number field serves rates and counts).
inline Lens<std::optional<double>> asOptionalDouble(Lens<std::optional<int>> lens) {
    return {[get = lens.get](const Project &p) -> std::optional<double> {
                const std::optional<int> value = get(p);
                return value ? std::optional<double>(*value) : std::nullopt;
            },
            [set = lens.set](Project &p, const std::optional<double> &value) {
                set(p, value ? std::optional<int>(int(std::lround(*value))) : std::nullopt);
            }};
}

// Table rows as text, and the three edits a table makes. Edits address rows by position, so the items
// keep their other fields (and unknown keys) however the table is edited.
struct TableAdapter {
    std::function<QList<QStringList>(const Project &)> rows;
    std::function<void(Project &, int row, int column, const QString &text)> setCell;
    std::function<void(Project &)> append;
    std::function<void(Project &, int row)> remove;
};

// One column of a table over a list of `Item`s.
template <typename Item> struct ColumnAccess {
    std::function<QString(const Item &)> get;
    std::function<void(Item &, const QString &)> set;
};

// Builds a TableAdapter over the list that `list(project)` returns (const and non-const overloads, as a
// generic lambda gives); `make` creates the item that Add appends, seeing the items already there.
template <typename Item, typename ListOf>
TableAdapter tableOver(ListOf list, QList<ColumnAccess<Item>> columns,
                       std::function<Item(const QList<Item> &)> make) {
    TableAdapter adapter;
    adapter.rows = [list, columns](const Project &p) {
        QList<QStringList> rows;
        for (const Item &item : list(p)) {
            QStringList row;
            for (const ColumnAccess<Item> &column : columns)
                row.append(column.get(item));
            rows.append(row);
        }
        return rows;
    };
    adapter.setCell = [list, columns](Project &p, int row, int column, const QString &text) {
        QList<Item> &items = list(p);
        if (row < 0 || row >= items.size() || column < 0 || column >= columns.size()) return;
        columns[column].set(items[row], text);
    };
    adapter.append = [list, make](Project &p) {
        QList<Item> &items = list(p);
        items.append(make(items));
    };
    adapter.remove = [list](Project &p, int row) {
        QList<Item> &items = list(p);
        if (row >= 0 && row < items.size()) items.removeAt(row);
    };
    return adapter;
}

// Name/value lists (environment, stage variables, headers): a new row gets a unique placeholder name.
template <typename ListOf> TableAdapter nameValueTable(ListOf list, const QString &newName) {
    return tableOver<NameValue>(
        list,
        {{[](const NameValue &v) { return v.name; }, [](NameValue &v, const QString &t) { v.name = t; }},
         {[](const NameValue &v) { return v.value; }, [](NameValue &v, const QString &t) { v.value = t; }}},
        [newName](const NameValueList &items) {
            QStringList taken;
            for (const NameValue &v : items)
                taken.append(v.name);
            QString name = newName;
            for (int n = 2; taken.contains(name); ++n)
                name = newName + QString::number(n);
            return NameValue{name, QString()};
        });
}

} // namespace gatehouse

// A table shown as cards on a phone (class table-stack, wwwroot/css/phone.css) names each value by its column: the
// heading's text, written by the view in the reader's language, is copied onto each cell as data-label.
document.querySelectorAll('table.table-stack').forEach(function (table) {
    var headings = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    table.querySelectorAll('tbody tr').forEach(function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, index) {
            if (!cell.hasAttribute('data-label') && headings[index]) {
                cell.setAttribute('data-label', headings[index]);
            }
        });
    });
});

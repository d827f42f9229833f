// Forms that help: the error summary takes the focus and its links focus their fields; the rules MVC announces
// in data-val-* are checked in the browser with the server's own messages, shown in the server's markup. A rule is
// checked here only as the server checks it, so no submit the server would accept is ever stopped.
(function () {
    'use strict';

    function idOf(name) {
        return name.replace(/[^A-Za-z0-9_:-]/g, '_');
    }

    function fieldsOf(form) {
        return Array.prototype.filter.call(form.elements, function (el) {
            return el.getAttribute && el.getAttribute('data-val') === 'true' && !el.disabled && el.name;
        });
    }

    function otherField(form, el, reference) {
        // "*.Password" names a field of the same prefix.
        var prefix = el.name.lastIndexOf('.') >= 0 ? el.name.substring(0, el.name.lastIndexOf('.') + 1) : '';
        var name = reference.indexOf('*.') === 0 ? prefix + reference.substring(2) : reference;
        return form.elements.namedItem(name);
    }

    function valueOf(el) {
        if (el.type === 'checkbox' || el.type === 'radio') {
            return null;
        }
        if (el.type === 'file') {
            return el.files && el.files.length > 0 ? 'file' : '';
        }
        return el.value;
    }

    // The first rule the value breaks, as the server judges it, or '' when none.
    function problemOf(form, el) {
        var d = el.dataset;
        var value = valueOf(el);
        if (value === null) {
            return '';
        }
        if (value.trim() === '') {
            return d.valRequired || '';
        }
        var length = value.length;
        var max = d.valLengthMax || d.valMaxlengthMax;
        var min = d.valLengthMin || d.valMinlengthMin;
        if (max && length > Number(max)) {
            return d.valLength || d.valMaxlength || '';
        }
        if (min && length < Number(min)) {
            return d.valLength || d.valMinlength || '';
        }
        if (d.valEmail !== undefined) {
            var at = value.indexOf('@');
            if (at <= 0 || at === value.length - 1 || at !== value.lastIndexOf('@')) {
                return d.valEmail;
            }
        }
        if (d.valRange !== undefined && value.trim() !== '') {
            var number = Number(value);
            if (!isNaN(number) && ((d.valRangeMin !== undefined && d.valRangeMin !== '' && number < Number(d.valRangeMin))
                || (d.valRangeMax !== undefined && d.valRangeMax !== '' && number > Number(d.valRangeMax)))) {
                return d.valRange;
            }
        }
        if (d.valRegexPattern) {
            try {
                var match = new RegExp(d.valRegexPattern).exec(value);
                if (!match || match.index !== 0 || match[0].length !== value.length) {
                    return d.valRegex || '';
                }
            } catch (e) {
                // A pattern JavaScript cannot read is left to the server.
            }
        }
        if (d.valEqualtoOther) {
            var other = otherField(form, el, d.valEqualtoOther);
            if (other && other.value !== value) {
                return d.valEqualto || '';
            }
        }
        return '';
    }

    function messageElementOf(form, el) {
        var found = form.querySelector('[data-valmsg-for="' + CSS.escape(el.name) + '"]');
        if (found) {
            return found;
        }
        var span = document.createElement('span');
        span.className = 'text-danger field-validation-valid';
        span.setAttribute('data-valmsg-for', el.name);
        span.id = idOf(el.name) + '-error';
        var after = el.closest('.input-group') || el;
        after.insertAdjacentElement('afterend', span);
        return span;
    }

    function show(form, el, message) {
        var target = el.dataset.comboboxInput ? document.getElementById(el.dataset.comboboxInput) || el : el;
        var span = messageElementOf(form, el);
        if (!span.id) {
            span.id = idOf(el.name) + '-error';
        }
        var ids = (target.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (id) {
            return id && id !== span.id;
        });
        span.textContent = message;
        span.classList.toggle('field-validation-error', !!message);
        span.classList.toggle('field-validation-valid', !message);
        if (message) {
            ids.push(span.id);
            target.setAttribute('aria-invalid', 'true');
        } else {
            target.removeAttribute('aria-invalid');
        }
        if (ids.length > 0) {
            target.setAttribute('aria-describedby', ids.join(' '));
        } else {
            target.removeAttribute('aria-describedby');
        }
    }

    function check(form, el) {
        var message = problemOf(form, el);
        show(form, el, message);
        return message;
    }

    function summaryFor(form) {
        return form.querySelector('[data-error-summary]') || document.querySelector('main [data-error-summary]');
    }

    function fillSummary(summary, problems) {
        var count = problems.length;
        var language = document.documentElement.lang || 'en';
        var headings = JSON.parse(summary.dataset.headings || '{}');
        var category = new Intl.PluralRules(language).select(count);
        var heading = headings[category] || headings.other || headings[Object.keys(headings).pop()] || '';
        summary.querySelector('.error-summary-title').textContent = heading.replace('{0}', count.toLocaleString(language));
        var list = summary.querySelector('ul');
        list.textContent = '';
        problems.forEach(function (problem) {
            var item = document.createElement('li');
            var link = document.createElement('a');
            link.href = '#' + problem.id;
            link.dataset.field = problem.name;
            link.textContent = problem.message;
            item.appendChild(link);
            list.appendChild(item);
        });
        summary.hidden = false;
        summary.focus();
    }

    function focusField(id) {
        var field = document.getElementById(id);
        if (!field) {
            return false;
        }
        if (field.hidden || field.type === 'hidden') {
            field = document.querySelector('[data-combobox-for="' + CSS.escape(id) + '"]') || field;
        }
        var label = document.querySelector('label[for="' + CSS.escape(field.id) + '"]');
        (label || field).scrollIntoView({ block: 'center' });
        field.focus({ preventScroll: true });
        return document.activeElement === field;
    }

    // In document order, as the person reads the form.
    function sortSummary(summary) {
        var list = summary.querySelector('ul');
        var items = Array.prototype.slice.call(list.children);
        var positioned = items.map(function (item, index) {
            var link = item.querySelector('a[href^="#"]');
            return { item: item, index: index, field: link ? document.getElementById(link.getAttribute('href').substring(1)) : null };
        });
        positioned.sort(function (a, b) {
            if (!a.field || !b.field) {
                return (a.field ? 1 : 0) - (b.field ? 1 : 0) || a.index - b.index;
            }
            return a.field.compareDocumentPosition(b.field) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
        });
        positioned.forEach(function (p) {
            list.appendChild(p.item);
        });
    }

    document.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('[data-error-summary] a[href^="#"]');
        if (link && focusField(link.getAttribute('href').substring(1))) {
            event.preventDefault();
        }
    });

    document.addEventListener('input', function (event) {
        var el = event.target;
        if (el.form && el.getAttribute && el.getAttribute('data-val') === 'true') {
            el.dataset.changed = 'true';
            if (el.getAttribute('aria-invalid') === 'true' || (el.dataset.comboboxInput && document.getElementById(el.dataset.comboboxInput))) {
                check(el.form, el);
            }
        }
    });

    document.addEventListener('change', function (event) {
        var el = event.target;
        if (el.form && el.getAttribute && el.getAttribute('data-val') === 'true') {
            el.dataset.changed = 'true';
            check(el.form, el);
        }
    });

    // Leaving a field checks it once something was typed in it: tabbing through an empty form says nothing yet.
    document.addEventListener('focusout', function (event) {
        var el = event.target;
        if (el.form && el.getAttribute && el.getAttribute('data-val') === 'true' && el.dataset.changed === 'true') {
            check(el.form, el);
        }
    });

    // In the capture phase, before any other submit handler: a form with errors goes nowhere, and says why.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (form.noValidate === false || (event.submitter && event.submitter.formNoValidate)) {
            return;
        }
        var problems = [];
        fieldsOf(form).forEach(function (el) {
            var message = check(form, el);
            if (message) {
                problems.push({ id: idOf(el.name), name: el.name, message: message });
            }
        });
        if (problems.length === 0) {
            return;
        }
        event.preventDefault();
        event.stopPropagation();
        var summary = summaryFor(form);
        if (summary) {
            fillSummary(summary, problems);
        } else {
            focusField(problems[0].id);
        }
    }, true);

    // The browser's own bubbles would speak its language, not the page's: forms.js shows the server's messages.
    Array.prototype.forEach.call(document.forms, function (form) {
        if (fieldsOf(form).length > 0) {
            form.noValidate = true;
        }
    });

    var summary = document.querySelector('[data-error-summary]:not([hidden])');
    if (summary) {
        sortSummary(summary);
        summary.focus();
    }
}());

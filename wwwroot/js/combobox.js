// Search as you type for a choice among many (an organisation): the page's <select> becomes an ARIA 1.2 combobox
// (an input and a listbox) fed by a small JSON endpoint, so choosing never reloads the page and what was typed
// elsewhere in the form stays. Without JavaScript the <select> and its search form work as before.
(function () {
    'use strict';

    function enhance(box) {
        var select = box.querySelector('select');
        var id = select.id;
        var label = document.querySelector('label[for="' + CSS.escape(id) + '"]');
        var input = document.createElement('input');
        var list = document.createElement('ul');
        var status = document.createElement('div');
        var results = JSON.parse(box.dataset.results || '{}');
        var language = document.documentElement.lang || 'en';
        var request = 0;
        var timer = null;
        var active = -1;

        select.id = id + '-select';
        select.hidden = true;
        select.tabIndex = -1;
        select.dataset.comboboxInput = id;

        input.type = 'text';
        input.id = id;
        input.className = 'form-control';
        input.autocomplete = 'off';
        input.spellcheck = false;
        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');
        input.setAttribute('aria-controls', id + '-listbox');
        ['aria-describedby', 'aria-invalid'].forEach(function (name) {
            if (select.hasAttribute(name)) {
                input.setAttribute(name, select.getAttribute(name));
            }
        });
        var chosen = select.options[select.selectedIndex];
        input.value = chosen && chosen.value ? chosen.text : '';

        list.id = id + '-listbox';
        list.className = 'combobox-list';
        list.setAttribute('role', 'listbox');
        if (label) {
            label.id = label.id || id + '-label';
            list.setAttribute('aria-labelledby', label.id);
        }
        list.hidden = true;

        status.className = 'visually-hidden';
        status.setAttribute('role', 'status');

        box.insertBefore(input, select);
        box.appendChild(list);
        box.appendChild(status);

        if (box.dataset.fallback) {
            var fallback = document.querySelector(box.dataset.fallback);
            if (fallback) {
                fallback.hidden = true;
            }
        }
        if (box.dataset.hint && box.dataset.hintFor) {
            var hint = document.getElementById(box.dataset.hintFor);
            if (hint) {
                hint.textContent = box.dataset.hint;
            }
        }

        function options() {
            return list.querySelectorAll('[role="option"]');
        }

        function close() {
            list.hidden = true;
            input.setAttribute('aria-expanded', 'false');
            input.removeAttribute('aria-activedescendant');
            active = -1;
        }

        function open() {
            if (options().length > 0) {
                list.hidden = false;
                input.setAttribute('aria-expanded', 'true');
            }
        }

        function highlight(index) {
            var all = options();
            if (all.length === 0) {
                return;
            }
            active = (index + all.length) % all.length;
            Array.prototype.forEach.call(all, function (option, i) {
                option.setAttribute('aria-selected', i === active ? 'true' : 'false');
            });
            input.setAttribute('aria-activedescendant', all[active].id);
            all[active].scrollIntoView({ block: 'nearest' });
        }

        function choose(option) {
            var value = option.dataset.value;
            var existing = Array.prototype.find.call(select.options, function (o) {
                return o.value === value;
            });
            if (!existing) {
                existing = new Option(option.dataset.label, value);
                select.add(existing);
            }
            select.value = value;
            input.value = option.dataset.label;
            var tick = box.dataset.tick && document.querySelector(box.dataset.tick);
            if (tick) {
                tick.checked = true;
            }
            close();
            select.dispatchEvent(new Event('change', { bubbles: true }));
        }

        function announce(count) {
            var category = new Intl.PluralRules(language).select(count);
            var form = count === 0 ? box.dataset.noResults : (results[category] || results.other || '');
            status.textContent = (form || '').replace('{0}', count.toLocaleString(language));
        }

        function render(found) {
            list.textContent = '';
            found.forEach(function (organisation, i) {
                var option = document.createElement('li');
                var labelText = organisation.acronym ? organisation.name + ' (' + organisation.acronym + ')' : organisation.name;
                option.id = id + '-option-' + i;
                option.className = 'combobox-option';
                option.setAttribute('role', 'option');
                option.setAttribute('aria-selected', 'false');
                option.dataset.value = String(organisation.id);
                option.dataset.label = labelText;
                var name = document.createElement('span');
                name.dir = 'auto';
                name.textContent = labelText;
                option.appendChild(name);
                var details = [organisation.original, organisation.country].filter(Boolean).join(' · ');
                if (details) {
                    var small = document.createElement('small');
                    small.className = 'd-block';
                    small.dir = 'auto';
                    small.textContent = details;
                    option.appendChild(small);
                }
                list.appendChild(option);
            });
            active = -1;
            input.removeAttribute('aria-activedescendant');
            announce(found.length);
            if (found.length > 0) {
                open();
            } else {
                close();
            }
        }

        function search() {
            var text = input.value.trim();
            var mine = ++request;
            if (text === '') {
                list.textContent = '';
                status.textContent = '';
                close();
                return;
            }
            fetch(box.dataset.source + '?q=' + encodeURIComponent(text), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
                .then(function (response) {
                    return response.ok ? response.json() : [];
                })
                .then(function (found) {
                    if (mine === request) {
                        render(found);
                    }
                })
                .catch(function () {
                    // Offline: the choice already made stays; the search can be typed again.
                });
        }

        input.addEventListener('input', function () {
            // What is typed no longer names the chosen organisation.
            select.value = '';
            clearTimeout(timer);
            timer = setTimeout(search, 150);
        });

        input.addEventListener('keydown', function (event) {
            switch (event.key) {
                case 'ArrowDown':
                    event.preventDefault();
                    open();
                    highlight(active + 1);
                    break;
                case 'ArrowUp':
                    event.preventDefault();
                    open();
                    highlight(active < 0 ? -1 : active - 1);
                    break;
                case 'Enter':
                    if (!list.hidden && active >= 0) {
                        event.preventDefault();
                        choose(options()[active]);
                    }
                    break;
                case 'Escape':
                    if (!list.hidden) {
                        event.preventDefault();
                        close();
                    } else if (input.value !== '') {
                        event.preventDefault();
                        input.value = '';
                        select.value = '';
                    }
                    break;
                case 'Tab':
                    close();
                    break;
            }
        });

        input.addEventListener('blur', function () {
            close();
        });

        // Pressed before the input loses the focus, so the click chooses instead of closing the list.
        list.addEventListener('mousedown', function (event) {
            event.preventDefault();
        });
        list.addEventListener('click', function (event) {
            var option = event.target.closest('[role="option"]');
            if (option) {
                choose(option);
            }
        });
    }

    Array.prototype.forEach.call(document.querySelectorAll('[data-combobox]'), enhance);
}());

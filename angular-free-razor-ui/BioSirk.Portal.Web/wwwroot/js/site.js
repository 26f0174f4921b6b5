// Progressive enhancement only: every page works without this file.
(function () {
    'use strict';
    // After a failed post, move the focus to the error summary so that keyboard and screen-reader users start there.
    var summary = document.getElementById('error-summary');
    if (summary) {
        summary.focus();
    }
})();

// A table wider than the screen scrolls inside its own box (.table-responsive): make that box reachable by keyboard
// and give it the table's caption as its name, but only when it does scroll, so that other tables add no tab stop.
(function () {
    'use strict';
    function markScrollingTables() {
        document.querySelectorAll('.table-responsive').forEach(function (box) {
            var scrolls = box.scrollWidth > box.clientWidth + 1;
            var english = document.documentElement.lang === 'en';
            var hint = box.previousElementSibling && box.previousElementSibling.classList.contains('scroll-hint') ? box.previousElementSibling : null;
            if (scrolls && !box.hasAttribute('tabindex')) {
                var caption = box.querySelector('caption');
                box.tabIndex = 0;
                box.setAttribute('role', 'region');
                box.setAttribute('aria-label', caption ? caption.textContent.trim() : english ? 'Table' : 'Tabell');
                if (!hint) {
                    hint = document.createElement('p');
                    hint.className = 'scroll-hint small text-body-secondary';
                    hint.setAttribute('aria-hidden', 'true'); // the region's name and the keyboard already tell a screen-reader user
                    hint.textContent = english ? 'The table is wider than the screen: scroll sideways to see all of it. →'
                        : 'Tabellen er bredere enn skjermen: rull sideveis for å se alt. →';
                    box.parentNode.insertBefore(hint, box);
                }
            } else if (!scrolls && box.getAttribute('role') === 'region') {
                box.removeAttribute('tabindex');
                box.removeAttribute('role');
                box.removeAttribute('aria-label');
                if (hint) {
                    hint.remove();
                }
            }
        });
    }
    markScrollingTables();
    var pending;
    window.addEventListener('resize', function () {
        clearTimeout(pending);
        pending = setTimeout(markScrollingTables, 200);
    });
})();

// The council/county switcher is a <details>: Escape and a click outside close it, as a menu does.
(function () {
    'use strict';
    var switcher = document.querySelector('details.place-switcher');
    if (!switcher) {
        return;
    }

    document.addEventListener('keydown', function (e) {
        if (e.key === 'Escape' && switcher.open) {
            switcher.open = false;
            switcher.querySelector('summary').focus();
        }
    });
    document.addEventListener('click', function (e) {
        if (switcher.open && !switcher.contains(e.target)) {
            switcher.open = false;
        }
    });
})();

// «Kopier lenken»: copies the text of the element named by data-copy, and says so. Where the clipboard is not open to
// the page (plain http outside localhost), the text is selected instead, for Ctrl+C.
(function () {
    'use strict';
    var english = document.documentElement.lang === 'en';
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
        var source = document.getElementById(button.getAttribute('data-copy'));
        var status = button.parentNode.querySelector('[data-copy-status]');
        if (!source) {
            return;
        }

        button.hidden = false;
        button.addEventListener('click', function () {
            function selectText() {
                var range = document.createRange();
                range.selectNodeContents(source);
                var selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                status.textContent = english ? 'The link is selected: press Ctrl+C to copy it.' : 'Lenken er merket: trykk Ctrl+C for å kopiere den.';
            }

            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(source.textContent.trim()).then(function () {
                    status.textContent = english ? 'The link is copied.' : 'Lenken er kopiert.';
                }, selectText);
            } else {
                selectText();
            }
        });
    });
})();

// Dates and times come from the server as text fields (dd.mm.åååå, tt:mm), which post what was typed, also a half date,
// and get a message beside them without JavaScript. Here they become the browser's date or time field, with its picker,
// when the browser has one and the value is one it can show; a value the server refused («15.03») stays as typed, as text.
// As the form is sent they turn back into text fields with the value written the Norwegian way: that is what is posted
// (the server reads it as typed by hand), and what the browser remembers for Back, which restores a field only into one
// of the same type; a remembered date field would come back empty into the text field the server sends.
(function () {
    'use strict';
    function supports(type) {
        var probe = document.createElement('input');
        probe.setAttribute('type', type);
        return probe.type === type;
    }

    var pickers = { date: supports('date'), time: supports('time') };

    function pickerValue(type, text) {
        if (text === '') {
            return '';
        }

        var d = type === 'date' && /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
        if (d) {
            return d[3] + '-' + ('0' + d[2]).slice(-2) + '-' + ('0' + d[1]).slice(-2);
        }

        var t = type === 'time' && /^(\d{1,2})[:.](\d{2})$/.exec(text);
        return t ? ('0' + t[1]).slice(-2) + ':' + t[2] : null;
    }

    function textValue(type, value) {
        var d = type === 'date' && /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
        return d ? d[3] + '.' + d[2] + '.' + d[1] : value;
    }

    function hideFormatHint(input) {
        // The picker shows the format of the reader's browser: the hint for typing by hand would only mislead.
        var format = document.getElementById(input.id + '-format');
        if (!format) {
            return;
        }

        format.hidden = true;
        var describedBy = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
            return id && id !== input.id + '-format';
        });
        if (describedBy.length > 0) {
            input.setAttribute('aria-describedby', describedBy.join(' '));
        } else {
            input.removeAttribute('aria-describedby');
        }
    }

    function toPicker(input) {
        var type = input.getAttribute('data-picker');
        var text = input.value.trim();
        var value = pickerValue(type, text);
        if (!pickers[type] || value === null || input.type === type) {
            return;
        }

        input.value = ''; // a text value the picker cannot hold would be reported as malformed
        input.type = type;
        input.value = value;
        if (input.value !== value) {
            input.type = 'text'; // not a day the picker knows: keep what the server sent
            input.value = text;
            return;
        }

        hideFormatHint(input);
    }

    function toText(input) {
        var type = input.getAttribute('data-picker');
        if (input.type !== type || (input.validity && input.validity.badInput)) {
            return;
        }

        var value = textValue(type, input.value);
        input.type = 'text';
        input.value = value;
    }

    function allPickers(root) {
        return root.querySelectorAll('input[data-picker]');
    }

    // On Back (or reload) the browser puts back what was typed only after the page has loaded, and into a field of the
    // type it had then: the fields stay text until it has, and become pickers as the page is shown.
    var navigation = window.performance && performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
    var restoring = !!navigation && (navigation.type === 'back_forward' || navigation.type === 'reload');
    if (!restoring) {
        allPickers(document).forEach(toPicker);
    }

    // A page brought back whole from the browser's cache has its fields as they were sent: pickers again, too.
    window.addEventListener('pageshow', function (e) {
        if (restoring || e.persisted) {
            restoring = false;
            allPickers(document).forEach(toPicker);
        }
    });

    // Late, after every check that may stop the form: only a form that is really sent turns its fields into text.
    document.addEventListener('submit', function (e) {
        if (!e.defaultPrevented && e.target instanceof HTMLFormElement) {
            allPickers(e.target).forEach(toText);
        }
    });
})();

// A date or time field filled in only in part (the day typed, the year not) is posted by the browser as an empty value:
// the portal would read "no date", and an optional date would be dropped without a word (a roadmap version frozen,
// which cannot be undone, without its «Vedtak ønskes innen»). Such a form is not sent; the field says what is missing.
(function () {
    'use strict';
    var english = document.documentElement.lang === 'en';
    var texts = {
        date: english ? 'The date is only partly filled in. Enter the day, month and year, or clear the field.'
            : 'Datoen er bare delvis fylt ut. Skriv dag, måned og år, eller tøm feltet.',
        time: english ? 'The time is only partly filled in. Enter hours and minutes, or clear the field.'
            : 'Klokkeslettet er bare delvis fylt ut. Skriv timer og minutter, eller tøm feltet.',
    };

    function unmark(input) {
        var message = document.getElementById(input.id + '-partial');
        if (!message) {
            return;
        }

        message.remove();
        var describedBy = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
            return id && id !== input.id + '-partial';
        });
        if (describedBy.length > 0) {
            input.setAttribute('aria-describedby', describedBy.join(' '));
        } else {
            input.removeAttribute('aria-describedby');
        }

        if (!document.getElementById(input.id + '-error')) {
            input.classList.remove('is-invalid');
            input.removeAttribute('aria-invalid');
        }
    }

    function mark(input) {
        var message = document.createElement('div');
        message.className = 'invalid-feedback';
        message.id = input.id + '-partial';
        message.textContent = texts[input.type];
        input.insertAdjacentElement('afterend', message);
        input.classList.add('is-invalid');
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', (message.id + ' ' + (input.getAttribute('aria-describedby') || '')).trim());
    }

    document.addEventListener('submit', function (e) {
        var fields = e.target.querySelectorAll('input[type=date], input[type=time]');
        var partial = [];
        fields.forEach(function (input) {
            unmark(input);
            if (input.id && input.validity && input.validity.badInput) {
                partial.push(input);
            }
        });
        if (partial.length === 0) {
            return;
        }

        e.preventDefault();
        e.stopPropagation(); // nor may a script that posts the form itself (the live comments) send it
        partial.forEach(mark);
        partial[0].focus();
    }, true);
})();

// A form is sent once: a double click, or a second click while the server is still answering, would otherwise post it
// twice (two hour rows, two payments). Every POST here answers with a new page, so the form stays closed until then;
// a page the browser brings back from its cache (Back) opens its forms again. After 30 s without an answer a click
// sends it again, so that a form is never stuck. Forms that a script sends itself (live comments) are left to it.
(function () {
    'use strict';
    var sentAt = new WeakMap();
    var patience = 30000;

    document.addEventListener('submit', function (e) {
        var form = e.target;
        if (e.defaultPrevented || (form.method || '').toLowerCase() !== 'post') {
            return;
        }

        var previous = sentAt.get(form);
        if (previous !== undefined && Date.now() - previous < patience) {
            e.preventDefault();
            return;
        }

        sentAt.set(form, Date.now());
        form.setAttribute('aria-busy', 'true');
    });

    window.addEventListener('pageshow', function (e) {
        if (!e.persisted) {
            return;
        }

        sentAt = new WeakMap();
        document.querySelectorAll('form[aria-busy]').forEach(function (form) { form.removeAttribute('aria-busy'); });
    });
})();

// A sign-in ends after a long time without use (WCAG 2.2.1). Two minutes before, a dialog offers to stay signed in (one
// click renews it); once it has ended, the dialog says so and leaves the page as it is, so that what was typed can be
// saved after signing in again in another tab. Every page of the portal (in any tab) counts as use: tabs share the time
// of the last one through localStorage.
(function () {
    'use strict';
    var dialog = document.getElementById('session-timeout');
    if (!dialog || typeof dialog.showModal !== 'function') {
        return;
    }

    var lastsMs = Number(dialog.getAttribute('data-lasts-seconds')) * 1000;
    var warnBeforeMs = 2 * 60 * 1000;
    var storageKey = 'biosirk.session.lastUse';
    var ownLastUse = Date.now();
    var dismissed = null; // the state the person closed the dialog in; it is not shown again until the state changes
    var english = document.documentElement.lang === 'en';
    var warning = dialog.querySelector('[data-session-state=warning]');
    var ended = dialog.querySelector('[data-session-state=ended]');
    var warningText = document.getElementById('session-warning-text');

    function sharedLastUse() {
        try {
            return Number(window.localStorage.getItem(storageKey)) || 0;
        } catch (e) {
            return 0; // storage switched off: this tab counts alone
        }
    }

    function used() {
        ownLastUse = Date.now();
        try {
            window.localStorage.setItem(storageKey, String(ownLastUse));
        } catch (e) {
            // as above
        }
    }

    function endsAt() {
        return Math.max(ownLastUse, sharedLastUse()) + lastsMs;
    }

    function show(state) {
        var isWarning = state === 'warning';
        warning.hidden = !isWarning;
        ended.hidden = isWarning;
        dialog.setAttribute('aria-labelledby', isWarning ? 'session-warning-heading' : 'session-ended-heading');
        dialog.setAttribute('aria-describedby', isWarning ? 'session-warning-text' : 'session-ended-text');
        if (isWarning) {
            var time = new Date(endsAt()).toLocaleTimeString(english ? 'en-GB' : 'nb-NO', { hour: '2-digit', minute: '2-digit' });
            warningText.textContent = warningText.getAttribute('data-text').replace('{0}', time);
        }

        if (!dialog.open) {
            dialog.showModal();
        }

        (isWarning ? warning.querySelector('[data-session-action=stay]') : ended.querySelector('a')).focus();
    }

    function check() {
        var left = endsAt() - Date.now();
        var state = left <= 0 ? 'ended' : left <= warnBeforeMs ? 'warning' : null;
        if (state === null) {
            dismissed = null;
            if (dialog.open) {
                dialog.close();
            }
        } else if (state !== dismissed && (!dialog.open || (state === 'ended') !== warning.hidden)) {
            show(state);
        }
    }

    dialog.addEventListener('cancel', function () {
        dismissed = warning.hidden ? 'ended' : 'warning'; // Escape closes it, as any dialog
    });
    ended.querySelector('[data-session-action=close]').addEventListener('click', function () {
        dismissed = 'ended';
        dialog.close();
    });
    warning.querySelector('[data-session-action=stay]').addEventListener('click', function () {
        fetch(dialog.getAttribute('data-keep-alive'), { credentials: 'same-origin', cache: 'no-store' })
            .then(function (response) {
                if (response.ok) {
                    used();
                    dialog.close();
                } else {
                    show('ended');
                }
            })
            .catch(function () {
                check(); // no network: the time left is still what it was; try again from the dialog
            });
    });
    window.addEventListener('storage', function (e) {
        if (e.key === storageKey) {
            check(); // another tab was used (or signed in again)
        }
    });
    document.addEventListener('visibilitychange', check);
    used();
    setInterval(check, 10 * 1000);
})();

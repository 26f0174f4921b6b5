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

// A date typed only in part («12.mm.åååå») is sent by the browser as no date at all, so an optional date would be
// dropped without a word. Stop the form instead, and say beside the field what is missing.
(function () {
    'use strict';
    var english = document.documentElement.lang === 'en';
    var message = english ? 'The date is incomplete: enter the day, the month and the year.' : 'Datoen er ikke fullstendig: skriv dag, måned og år.';

    function describedBy(input) {
        return (input.getAttribute('aria-describedby') || '').split(' ').filter(function (id) { return id; });
    }

    function clear(input) {
        var note = document.getElementById(input.id + '-incomplete');
        if (!note) {
            return;
        }

        note.remove();
        input.setAttribute('aria-describedby', describedBy(input).filter(function (id) { return id !== note.id; }).join(' '));
        if (input.getAttribute('data-was-valid') === 'true') {
            input.classList.remove('is-invalid');
            input.removeAttribute('aria-invalid');
        }
    }

    function mark(input) {
        if (document.getElementById(input.id + '-incomplete')) {
            return;
        }

        var note = document.createElement('div');
        note.id = input.id + '-incomplete';
        note.className = 'invalid-feedback d-block';
        note.setAttribute('data-testid', 'incomplete-date');
        note.textContent = message;
        input.setAttribute('data-was-valid', input.classList.contains('is-invalid') ? 'false' : 'true');
        input.classList.add('is-invalid');
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', describedBy(input).concat(note.id).join(' '));
        input.insertAdjacentElement('afterend', note);
    }

    document.addEventListener('submit', function (e) {
        var incomplete = Array.prototype.filter.call(e.target.querySelectorAll('input[type=date], input[type=time], input[type=datetime-local]'),
            function (input) { return input.id && input.validity && input.validity.badInput; });
        if (incomplete.length === 0) {
            return;
        }

        e.preventDefault();
        e.stopPropagation(); // nor may a script that posts the form itself (the live comments) send it
        incomplete.forEach(mark);
        incomplete[0].focus();
    }, true);

    document.addEventListener('input', function (e) {
        if (e.target.matches && e.target.matches('input[type=date], input[type=time], input[type=datetime-local]') && !e.target.validity.badInput) {
            clear(e.target);
        }
    });
})();

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
            if (scrolls && !box.hasAttribute('tabindex')) {
                var caption = box.querySelector('caption');
                box.tabIndex = 0;
                box.setAttribute('role', 'region');
                box.setAttribute('aria-label', caption ? caption.textContent.trim() : document.documentElement.lang === 'en' ? 'Table' : 'Tabell');
            } else if (!scrolls && box.getAttribute('role') === 'region') {
                box.removeAttribute('tabindex');
                box.removeAttribute('role');
                box.removeAttribute('aria-label');
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

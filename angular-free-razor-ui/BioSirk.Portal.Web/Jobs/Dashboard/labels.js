// Hangfire's job lists have checkboxes without labels: a screen reader would say only "checkbox". Each is named by
// its job: the job's name in a list of jobs ("#7 PDF-er som …"), the recurring job's id in the list of recurring jobs.
// The menu button of a narrow screen and the breadcrumb's home link are only icons: they are named too.
(function () {
    function text(element) {
        return element ? element.textContent.replace(/\s+/g, ' ').trim() : '';
    }

    document.querySelectorAll('button.navbar-toggle').forEach(function (button) {
        button.setAttribute('aria-label', 'Meny');
    });
    document.querySelectorAll('.breadcrumb a').forEach(function (link) {
        if (!text(link)) {
            link.setAttribute('aria-label', 'Oversikt');
        }
    });
    document.querySelectorAll('input.js-jobs-list-select-all').forEach(function (box) {
        box.setAttribute('aria-label', 'Velg alle jobbene på siden');
    });
    document.querySelectorAll('input.js-jobs-list-checkbox').forEach(function (box) {
        var row = box.closest('tr');
        var method = row && row.querySelector('a.job-method');
        var name = method ? '#' + box.value + ' ' + text(method) : text(row && row.querySelector('td.word-break')) || box.value;
        box.setAttribute('aria-label', 'Velg jobben ' + name);
    });
})();

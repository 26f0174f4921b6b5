// Live progress of a final report's PDFs (queued → rendering → ready / failed), pushed through SignalR.
// Progressive enhancement: without this file the page shows the state on reload.
(function () {
    'use strict';
    var section = document.querySelector('[data-live-report]');
    if (!section || !window.signalR) {
        return;
    }

    var status = document.getElementById('pdf-status');
    var self = section.getAttribute('data-self');
    var texts = JSON.parse(document.getElementById('report-progress-texts').textContent); // in the reader's language

    function rowOf(pdfId, number) {
        var row = section.querySelector('tr[data-pdf-id="' + pdfId + '"]');
        if (row) {
            return row;
        }
        // A PDF someone else asked for after this page was loaded: a row of its own, first.
        var table = section.querySelector('[data-testid=pdf-versions]');
        table.classList.remove('d-none');
        var empty = section.querySelector('[data-testid=no-pdfs]');
        if (empty) {
            empty.remove();
        }
        row = document.createElement('tr');
        row.setAttribute('data-pdf-id', pdfId);
        var cells = [String(number), '', '', '', '–', '–', ''];
        var headers = table.tHead.rows[0].cells;
        cells.forEach(function (text, i) {
            var cell = document.createElement('td');
            cell.textContent = text;
            // The column's name, shown in front of the value where the table stacks on a phone (.table-stack).
            cell.setAttribute('data-label', headers[i].textContent);
            if (i === 2) { cell.setAttribute('data-pdf-state', ''); }
            if (i === 4) { cell.setAttribute('data-pdf-size', ''); }
            if (i === 5) { cell.setAttribute('data-pdf-sha', ''); }
            if (i === 6) { cell.setAttribute('data-pdf-link', ''); }
            row.appendChild(cell);
        });
        table.tBodies[0].insertBefore(row, table.tBodies[0].firstChild);
        return row;
    }

    // The status line in the reader's language; the server's own sentence (bokmål) if this page has no words for it.
    function sentence(progress) {
        var key = progress.state === 'Queued' && progress.attempts > 0 ? 'Retrying' : progress.state;
        var template = texts['sentence.' + key];
        return template ? template.replace('{0}', progress.number).replace('{1}', progress.attempts) : progress.message;
    }

    function show(progress) {
        status.textContent = sentence(progress);
        status.classList.remove('mb-0'); // an empty line took no room; now it has something to say
        var row = rowOf(progress.pdfId, progress.number);
        var stateCell = row.querySelector('[data-pdf-state]');
        stateCell.textContent = texts[progress.state] || progress.state;
        stateCell.setAttribute('data-state', progress.state);
        if (progress.state === 'Ready') {
            if (progress.size) {
                row.querySelector('[data-pdf-size]').textContent = progress.size;
            }
            if (progress.sha256) {
                var sha = document.createElement('code');
                sha.className = 'sha';
                sha.title = progress.sha256;
                sha.textContent = progress.sha256.substring(0, 12);
                row.querySelector('[data-pdf-sha]').replaceChildren(sha);
            }
            var cell = row.querySelector('[data-pdf-link]');
            var link = document.createElement('a');
            link.href = self + '?handler=Pdf&pdfId=' + encodeURIComponent(progress.pdfId);
            // The same name as the server's link: "Last ned PDF 2", so that each row's link says which PDF it is.
            var number = document.createElement('span');
            number.className = 'visually-hidden';
            number.textContent = String(progress.number);
            link.append(texts.download + ' ', number);
            cell.replaceChildren(link);
        }
        if (progress.state === 'Ready' || progress.state === 'Failed') {
            var hint = section.querySelector('[data-reload-hint]');
            if (hint) { hint.remove(); }
        }
    }

    // After (re)connecting, ask for the state of every PDF still under way: a step pushed while the connection was
    // down is not lost, it is read again.
    function catchUp() {
        section.querySelectorAll('tr[data-pdf-id]').forEach(function (row) {
            var state = row.querySelector('[data-pdf-state]').getAttribute('data-state');
            if (state === 'Ready' || state === 'Failed') {
                return;
            }
            fetch(self + '?handler=PdfState&pdfId=' + encodeURIComponent(row.getAttribute('data-pdf-id')), { credentials: 'same-origin' })
                .then(function (r) { return r.ok ? r.json() : null; })
                .then(function (p) { if (p) { show(p); } });
        });
    }

    var connection = new signalR.HubConnectionBuilder()
        .withUrl('/hubs/portal')
        .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
        .build();
    connection.on('pdfProgress', show);
    connection.on('signedOut', function () { connection.stop(); }); // signed out in another tab: a reload shows the sign-in page
    connection.on('accessLost', function () { connection.stop(); }); // no longer hers to see: a reload says so

    function watch() {
        return connection.invoke('WatchFinalReport', section.getAttribute('data-place'), section.getAttribute('data-agreement'))
            .then(function (joined) {
                if (joined) {
                    section.setAttribute('data-live', 'on');
                    catchUp();
                }
            });
    }

    connection.onreconnected(watch);
    connection.start().then(watch).catch(function () {
        // No live connection (e.g. a proxy without WebSockets): the page still works, a reload shows the state.
    });
})();

// The live meeting page, pushed through SignalR: comments on the items, the item dealt with now, and who is present.
// Progressive enhancement: without this file the page is a plain form and list. Every comment carries the meeting's
// sequence number; after a reconnect the page asks for everything after the number up to which it has seen every
// comment, so nothing stored is lost. What a person is typing is never touched.
(function () {
    'use strict';
    var agenda = document.querySelector('[data-live-meeting]');
    if (!agenda || !window.signalR) {
        return;
    }

    var announcer = document.getElementById('comment-announcer');
    // The page's texts in the person's language (Norwegian or English), from a JSON block the server writes.
    var texts = JSON.parse(document.getElementById('meeting-live-texts').textContent);
    function format(template) {
        var args = Array.prototype.slice.call(arguments, 1);
        return template.replace(/\{(\d)\}/g, function (_, i) { return args[i]; });
    }
    var place = agenda.getAttribute('data-place');
    var meetingId = agenda.getAttribute('data-meeting');
    // Every comment up to `last` is shown. With several web nodes a push can be lost (Redis away) while later ones
    // arrive, so `last` is not the highest number seen: the numbers shown beyond it wait in `beyond`.
    var last = parseInt(agenda.getAttribute('data-last-sequence'), 10) || 0;
    var beyond = {};
    var self = agenda.getAttribute('data-self');
    var me = agenda.getAttribute('data-user');
    var canHide = agenda.getAttribute('data-can-hide') === 'true';
    var tokenInput = agenda.querySelector('input[name=__RequestVerificationToken]');

    // The same plain forms the server renders for a comment: they post the ordinary way.
    function form(handler, comment, buttonText, hiddenText, buttonClass) {
        var f = document.createElement('form');
        f.method = 'post';
        f.action = self + '?handler=' + handler + '&commentId=' + encodeURIComponent(comment.id);
        if (tokenInput) { f.appendChild(tokenInput.cloneNode()); }
        var button = document.createElement('button');
        button.type = 'submit';
        button.className = buttonClass;
        button.append(buttonText);
        if (hiddenText) {
            var hidden = document.createElement('span');
            hidden.className = 'visually-hidden';
            hidden.textContent = hiddenText;
            button.appendChild(hidden);
        }
        f.appendChild(button);
        return f;
    }

    function controls(item, comment) {
        if (comment.state !== 'Visible') { return; }
        if (comment.authorId === me) {
            var details = document.createElement('details');
            details.className = 'small';
            var posted = new Date(comment.postedAtUtc.endsWith('Z') ? comment.postedAtUtc : comment.postedAtUtc + 'Z');
            details.setAttribute('data-editable-until', new Date(posted.getTime() + 5 * 60 * 1000).toISOString());
            var summary = document.createElement('summary');
            summary.textContent = texts.editOrDelete;
            var whose = document.createElement('span');
            whose.className = 'visually-hidden';
            whose.textContent = ' ' + texts.yourComment; // as the server renders it: the button says what it edits
            summary.appendChild(whose);
            details.appendChild(summary);
            var hint = document.createElement('p');
            hint.className = 'form-text mt-0';
            hint.textContent = texts.editWindow;
            details.appendChild(hint);
            var edit = form('EditComment', comment, texts.saveEdit, null, 'btn btn-sm btn-outline-primary mt-1');
            var label = document.createElement('label');
            label.className = 'form-label';
            label.htmlFor = 'edit-' + comment.id;
            label.textContent = texts.editLabel;
            var area = document.createElement('textarea');
            area.className = 'form-control';
            area.id = 'edit-' + comment.id;
            area.name = 'EditText';
            area.rows = 2;
            area.value = comment.text;
            edit.insertBefore(area, edit.querySelector('button'));
            edit.insertBefore(label, area);
            details.appendChild(edit);
            details.appendChild(form('DeleteComment', comment, texts.delete, null, 'btn btn-sm btn-outline-danger mt-1'));
            item.appendChild(details);
        }
        if (canHide) {
            item.appendChild(form('HideComment', comment, texts.hide, ' ' + format(texts.fromName, comment.authorName), 'btn btn-sm btn-link p-0'));
        }
    }

    // Plain text with web addresses as links; everything goes in as text nodes, never as HTML.
    function fill(target, text) {
        var pattern = /https?:\/\/[^\s<>"']+/gi;
        var at = 0;
        var match;
        while ((match = pattern.exec(text)) !== null) {
            var address = match[0].replace(/[.,;:!?)\]]+$/, '');
            target.appendChild(document.createTextNode(text.slice(at, match.index)));
            var link = document.createElement('a');
            link.href = address;
            link.rel = 'noopener noreferrer nofollow';
            link.textContent = address;
            target.appendChild(link);
            at = match.index + address.length;
            pattern.lastIndex = at;
        }
        target.appendChild(document.createTextNode(text.slice(at)));
    }

    function time(utc) {
        var d = new Date(utc.endsWith('Z') ? utc : utc + 'Z');
        var clock = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' }).format(d);
        var day = new Intl.DateTimeFormat('nb-NO', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Oslo' });
        return day.format(d) === day.format(new Date(Date.now() + clockOffset)) ? clock : { day: day.format(d), clock: clock };
    }

    function textOf(comment) {
        if (comment.state === 'Hidden') { return texts.hidden; }
        if (comment.state === 'Deleted') { return texts.deleted; }
        return null;
    }

    function render(item, comment) {
        var body = item.querySelector('[data-testid=comment-text]');
        if (!body) {
            body = document.createElement('div');
            body.setAttribute('data-testid', 'comment-text');
            item.appendChild(body);
        }
        body.replaceChildren();
        var note = textOf(comment);
        if (note) {
            body.className = 'fst-italic text-body-secondary';
            body.textContent = note;
            item.querySelectorAll('details, form').forEach(function (f) { f.remove(); });
        } else {
            body.className = 'pre-line';
            fill(body, comment.text);
        }
        item.setAttribute('data-state', comment.state);
        var head = item.querySelector('div');
        var editedMark = head && head.querySelector('[data-edited]');
        if (editedMark && comment.state !== 'Visible') {
            editedMark.remove(); // a deleted or hidden comment is not «(endret)»
        }
        if (comment.editedAtUtc && comment.state === 'Visible' && head && !head.querySelector('[data-edited]')) {
            var edited = document.createElement('span');
            edited.setAttribute('data-edited', '');
            edited.textContent = ' ' + texts.edited;
            head.appendChild(edited);
        }
    }

    function show(comment, announce) {
        if (comment.sequence > last) {
            beyond[comment.sequence] = true;
            while (beyond[last + 1]) {
                delete beyond[last + 1];
                last++;
            }
        }
        var existing = document.getElementById('comment-' + comment.id);
        if (existing) {
            render(existing, comment); // an edit, a deletion or a hiding of a comment already shown
            return;
        }
        var list = agenda.querySelector('[data-comments-for="' + comment.itemId + '"]');
        if (!list) {
            return;
        }
        var item = document.createElement('li');
        item.id = 'comment-' + comment.id;
        item.className = 'border-start border-3 ps-2 mb-2';
        item.setAttribute('data-testid', 'comment');
        item.setAttribute('data-sequence', String(comment.sequence));
        var head = document.createElement('div');
        head.className = 'small text-body-secondary';
        var author = document.createElement('span');
        author.className = 'fw-semibold text-body';
        author.textContent = comment.authorName;
        var when = time(comment.postedAtUtc);
        head.append(author, ' ' + (typeof when === 'string' ? texts.at + ' ' + when : when.day + ' ' + texts.at + ' ' + when.clock));
        item.appendChild(head);
        render(item, comment);
        controls(item, comment);
        // In sequence order, also when a catch-up and a push cross each other.
        var after = Array.prototype.find.call(list.children, function (li) {
            return parseInt(li.getAttribute('data-sequence'), 10) > comment.sequence;
        });
        list.insertBefore(item, after || null);
        var empty = list.parentElement.querySelector('[data-no-comments]');
        if (empty) { empty.remove(); }
        if (announce && announcer) {
            var title = list.parentElement.querySelector('h3').getAttribute('data-item-title');
            announcer.textContent = format(texts.newComment, comment.authorName, title, comment.text || textOf(comment));
        }
    }

    // The item the secretary marked: its border and badge, the line above the agenda, and a polite announcement.
    var currentLine = document.querySelector('[data-current-line]');
    var currentItemId = (agenda.querySelector('[aria-current=true]') || { getAttribute: function () { return null; } }).getAttribute('data-agenda-item');

    function showCurrent(current, announce) {
        agenda.querySelectorAll('[data-agenda-item]').forEach(function (li) {
            var on = li.getAttribute('data-agenda-item') === current.itemId;
            li.classList.toggle('current-item', on);
            if (on) { li.setAttribute('aria-current', 'true'); } else { li.removeAttribute('aria-current'); }
            var badge = li.querySelector('[data-current-badge]');
            if (badge) { badge.classList.toggle('d-none', !on); }
            var currentForm = li.querySelector('form[data-current-form]');
            if (currentForm) {
                var button = currentForm.querySelector('button');
                button.firstChild.textContent = on ? texts.endCurrent : texts.makeCurrent;
                currentForm.setAttribute('data-clears', on ? 'true' : 'false');
            }
        });
        if (currentLine) {
            currentLine.replaceChildren();
            if (current.itemId) {
                var label = document.createElement('span');
                label.className = 'fw-semibold';
                label.textContent = texts.currentLine + ':';
                var link = document.createElement('a');
                link.href = '#item-' + current.itemId;
                link.textContent = current.caseLabel + ' ' + current.title;
                currentLine.append(label, ' ', link);
            } else {
                var none = document.createElement('span');
                none.className = 'text-body-secondary';
                none.textContent = texts.noCurrent;
                currentLine.appendChild(none);
            }
        }
        if (announce && announcer && current.itemId !== currentItemId) {
            announcer.textContent = current.itemId ? texts.currentLine + ' ' + current.caseLabel + ' ' + current.title : texts.noCurrent;
        }
        currentItemId = current.itemId;
    }

    var presenceList = document.querySelector('[data-presence-list]');
    var presenceEmpty = document.querySelector('[data-presence-empty]');

    function showPresence(presence) {
        if (!presenceList) { return; }
        presenceList.replaceChildren();
        presence.people.forEach(function (person) {
            var li = document.createElement('li');
            li.setAttribute('data-user-id', person.userId);
            li.textContent = person.name;
            presenceList.appendChild(li);
        });
        if (presenceEmpty) { presenceEmpty.classList.toggle('d-none', presence.people.length > 0); }
    }

    var connection = new signalR.HubConnectionBuilder()
        .withUrl('/hubs/portal')
        .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
        .build();
    connection.serverTimeoutInMilliseconds = 12000; // the server pings every 5 s
    connection.keepAliveIntervalInMilliseconds = 5000;

    // What the connection is doing, said on the page: a dropped network is not silent, and a comment written meanwhile
    // waits in its field and is sent when the connection is back.
    var status = document.querySelector('[data-live-status]');
    var everConnected = false;
    var hideStatus;
    function say(key) {
        if (!status) { return; }
        clearTimeout(hideStatus);
        status.textContent = status.getAttribute('data-text-' + key);
        status.classList.remove('d-none');
        status.classList.toggle('alert-warning', key !== 'back');
        status.classList.toggle('alert-success', key === 'back');
        if (key === 'back') {
            hideStatus = setTimeout(function () { status.classList.add('d-none'); }, 6000);
        }
    }
    function connected() {
        var wasLost = everConnected;
        everConnected = true;
        if (wasLost && status && !status.classList.contains('d-none')) { say('back'); }
        agenda.querySelectorAll('form[data-comment-form][data-pending]').forEach(function (form) {
            form.removeAttribute('data-pending');
            form.requestSubmit();
        });
    }
    connection.on('comment', function (comment) {
        var missed = comment.sequence > last + 1;
        show(comment, true);
        if (missed) {
            catchUp(); // a comment before this one never came: ask for everything after the last one seen in order
        }
    });
    connection.on('current', function (current) { showCurrent(current, true); });
    connection.on('presence', showPresence);
    // Signed out in another tab (or everywhere), or no longer allowed to follow the meeting (deactivated, taken off
    // the participants): the server refuses this page's calls from now on. It stops trying and says why ('signedout'
    // or 'noaccess'); what she has written stays in its field.
    var ended = null;
    function end(reason) {
        ended = reason;
        say(reason);
        connection.stop();
    }
    connection.on('signedOut', function () { end('signedout'); });
    connection.on('accessLost', function () { end('noaccess'); });

    // A join while connected; if the connection drops meanwhile, the reconnect joins again.
    function catchUp() {
        join().catch(function () { });
    }

    function join() {
        return connection.invoke('JoinMeeting', place, meetingId, last).then(function (missed) {
            if (missed === null) {
                end('noaccess'); // refused at a reconnect: access was taken away while the page was away
                return;
            }
            if (missed) {
                agenda.setAttribute('data-live', 'on');
                missed.forEach(function (c) { show(c, true); });
            }
        });
    }

    // Posting through the hub keeps the page (and the focus) where it is; the form still works without it.
    agenda.querySelectorAll('form[data-comment-form]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            if (ended) {
                event.preventDefault(); // an ordinary POST would only lead to the sign-in page or «not found», without the text
                say(ended);
                return;
            }
            if (connection.state !== signalR.HubConnectionState.Connected) {
                if (everConnected) {
                    event.preventDefault(); // offline: a POST would leave the page for the browser's error page
                    form.setAttribute('data-pending', '');
                    say('pending');
                }
                return; // never live (the hub unreachable): an ordinary POST, and the server keeps the text on error
            }
            event.preventDefault();
            if (form.hasAttribute('data-sending')) {
                return; // a double click: the comment is on its way once
            }
            var field = form.querySelector('textarea');
            var itemId = form.closest('[data-item]').getAttribute('data-item');
            var error = form.querySelector('[data-live-error]');
            form.setAttribute('data-sending', '');
            connection.invoke('PostComment', place, meetingId, itemId, field.value).finally(function () {
                form.removeAttribute('data-sending');
            }).then(function (answer) {
                if (answer.ok) {
                    field.value = '';
                    field.removeAttribute('aria-invalid');
                    if (error) { error.remove(); }
                    show(answer.comment, false);
                    return;
                }
                if (!error) {
                    error = document.createElement('p');
                    error.className = 'text-danger mb-1';
                    error.id = field.id + '-live-error';
                    error.setAttribute('data-live-error', '');
                    error.setAttribute('role', 'alert');
                    form.insertBefore(error, field);
                    field.setAttribute('aria-describedby', (field.getAttribute('aria-describedby') || '') + ' ' + error.id);
                }
                error.textContent = answer.error; // the text stays in the field
                field.setAttribute('aria-invalid', 'true');
                field.focus(); // to the text to correct, as after a refused form elsewhere
            }).catch(function (error) {
                if (ended || /logget ut|signed out/i.test(String(error && error.message))) {
                    ended = ended || 'signedout';
                    say(ended); // the text stays in its field
                    return;
                }
                form.submit(); // the connection dropped in between: post the form the ordinary way
            });
        });
    });

    // The secretary's "Behandle nå" through the hub: her page stays where it is (and keeps what she is typing).
    agenda.querySelectorAll('form[data-current-form]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            if (connection.state !== signalR.HubConnectionState.Connected) {
                return;
            }
            event.preventDefault();
            var itemId = form.getAttribute('data-clears') === 'true' ? null : form.getAttribute('data-item-id');
            connection.invoke('SetCurrentItem', place, meetingId, itemId).then(function (answer) {
                if (answer.ok) {
                    showCurrent(answer.current, false);
                } else {
                    form.submit(); // the server shows the message on the page
                }
            }).catch(function () { form.submit(); });
        });
        form.setAttribute('data-clears', form.closest('[aria-current=true]') ? 'true' : 'false');
    });

    // Connecting again after the automatic reconnects gave up, or when the first start failed (the server restarting):
    // meanwhile the page works as a form, and the join afterwards catches up on everything missed.
    var retry = 0;
    function start() {
        if (ended) { return; }
        connection.start().then(function () { retry = 0; return join(); }).then(connected).catch(function () {
            retry = Math.min(retry + 1, 6);
            setTimeout(start, retry * 5000);
        });
    }
    // «Endre eller slett» goes when its five minutes are up, unless she is using it (the server keeps her text then).
    // Measured on the server's clock (the page says what it was), so a device whose clock is off does not decide.
    var clockOffset = Date.parse(agenda.getAttribute('data-server-now')) - Date.now();
    setInterval(function () {
        agenda.querySelectorAll('details[data-editable-until]').forEach(function (details) {
            if (!details.open && Date.parse(details.getAttribute('data-editable-until')) < Date.now() + clockOffset) {
                details.remove();
            }
        });
    }, 15000);

    connection.onreconnecting(function () { say('lost'); });
    connection.onreconnected(function () { join().then(connected).catch(function () { }); });
    window.addEventListener('online', function () {
        if (connection.state === signalR.HubConnectionState.Disconnected) { start(); } // the network is back: no need to wait
    });
    connection.on('rejoin', catchUp); // the server's link to the other web nodes came back: pushes may have been lost
    connection.onclose(function () {
        if (ended) { return; }
        if (everConnected) { say('lost'); }
        setTimeout(start, 2000);
    });
    start();
})();

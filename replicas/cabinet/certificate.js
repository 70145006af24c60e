/* Replica of cabinet.ruobr.ru: script of certificate.html (kept out of the HTML: its texts arrive late). */
// Certificate request page: the shell is "server-rendered"; the children block with the
// documents and request status arrives "by XHR" after `delay` ms behind a loader.
(function () {
  var C = window.Cabinet;
  if (!C.requireLogin()) return;
  C.initShell();
  var v = C.variants;
  var q = C.query;
  var block = document.getElementById('children-block');
  var notices = {};
  var DOC_ICON = '<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M3 1h7l3 3v11H3z" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M5 7h6M5 10h6M5 13h4" stroke="currentColor" stroke-width="1.2"/></svg>';
  var SUBMIT_TEXT = v.typo === '1' ? 'Подать заявление на получение сертификат' : 'Подать заявление на получение сертификата';

  // ---------- flash (Django messages) ----------
  if (C.state.flash) {
    document.getElementById('flash').innerHTML = '<div class="ui positive message">' + C.esc(C.state.flash) + '</div>';
    delete C.state.flash;
    C.save();
  }

  // ---------- the children block ----------
  function childHtml(c) {
    var cs = C.childState(c.id);
    var docs = cs.documents;
    var req = cs.request;
    var h = '<div class="ui segment padded child-block" data-child="' + c.id + '">';
    h += '<h3 class="ui header with-icon"><div class="avatar" aria-hidden="true">' + c.initials + '</div><div class="content">' + C.esc(c.name) +
      '<div class="sub header">' + c.age + ', ' + C.esc(c.school) + ', ' + C.esc(c.grade) + ' класс</div></div></h3>';

    h += '<h4 class="ui dividing header">Документы ребенка</h4>';
    if (!docs.length) {
      h += '<p class="empty">Документы не предоставлены</p>';
    } else {
      h += '<div class="ui list docs">' + docs.map(function (d) {
        return '<div class="item">' + DOC_ICON + '<div class="content">' + C.esc(C.docLabel(d)) +
          '<div class="description">Дата выдачи: ' + C.esc(d.issuedAt) + ', кем выдан: ' + C.esc(d.issuedBy) + '. Файл: ' + C.esc(d.fileName) + '</div></div></div>';
      }).join('') + '</div>';
    }
    if (!req) h += '<button type="button" class="ui basic primary button" data-action="add-document" data-child="' + c.id + '">Предоставить документ</button>';

    h += '<h4 class="ui dividing header">Сертификат дополнительного образования</h4>';
    if (notices[c.id]) h += '<div class="ui positive message">' + C.esc(notices[c.id]) + '</div>';
    if (cs.certificate) {
      h += '<div class="ui positive message"><div class="header">Сертификат получен</div>' +
        '<p>Номер сертификата: <a href="/services/dop/certificate/' + cs.certificate.number + '/">' + cs.certificate.number + '</a>, статус: ' + C.esc(cs.certificate.status) + '.</p></div>';
    } else if (req && req.confirmed) {
      h += '<div class="ui positive message"><div class="header">Заявка подтверждена</div>' +
        '<p>Адрес электронной почты ' + C.esc(req.email) + ' подтвержден.</p></div>' +
        '<button type="button" class="ui green button" data-action="get-certificate" data-child="' + c.id + '">Получить сертификат</button>';
    } else if (req) {
      h += '<div class="ui info message"><div class="header">Заявка ожидает подтверждения адреса электронной почты</div>' +
        '<p>На адрес <b>' + C.esc(req.email) + '</b> отправлено письмо «Заявка на сертификат ПДО. Подтверждение электронной почты». ' +
        'Для подтверждения адреса электронной почты перейдите по ссылке из письма.</p>' +
        '<div class="ui buttons-row">' +
        '<button type="button" class="ui small button" data-action="resend" data-child="' + c.id + '">Отправить письмо повторно</button>' +
        '<button type="button" class="ui small basic button" data-action="change-email" data-child="' + c.id + '">Изменить адрес</button>' +
        '</div></div>';
    } else if (docs.length) {
      h += '<p>Документ ребенка предоставлен. Можно подать заявление.</p>' +
        '<button type="button" class="ui primary button" data-action="submit-request" data-child="' + c.id + '">' + C.esc(SUBMIT_TEXT) + '</button>';
    } else {
      h += '<p class="empty">Чтобы подать заявление, сначала добавьте документ ребенка.</p>';
    }
    return h + '</div>';
  }

  function renderChildren() {
    block.innerHTML = C.children().map(childHtml).join('');
  }

  block.addEventListener('click', function (e) {
    var btn = e.target.closest('[data-action]');
    if (!btn) return;
    var id = btn.getAttribute('data-child');
    var action = btn.getAttribute('data-action');
    if (action === 'add-document') openDocument(id);
    else if (action === 'submit-request') openEmail(id);
    else if (action === 'change-email') openEmail(id, C.childState(id).request.email);
    else if (action === 'get-certificate') openCertificate(id);
    else if (action === 'resend') {
      var req = C.childState(id).request;
      btn.classList.add('loading');
      setTimeout(function () {
        req.sentAt = C.nowString();
        C.state.letters.push(C.letterFor(C.childById(id), req));
        C.save();
        notices[id] = 'Письмо повторно отправлено на адрес ' + req.email + '.';
        renderChildren();
      }, 500);
    }
  });

  function childLine(modal, id) {
    var c = C.childById(id);
    Array.prototype.forEach.call(modal.querySelectorAll('[data-child-line]'), function (p) {
      p.textContent = 'Ребенок: ' + c.name;
    });
    modal.setAttribute('data-child', id);
  }

  // Every modal: «Отмена» and × close it.
  Array.prototype.forEach.call(document.querySelectorAll('.ui.modal [data-action=cancel]'), function (b) {
    b.addEventListener('click', function () {
      C.closeModal(b.closest('.ui.modal'));
    });
  });

  // ---------- document modal ----------
  var docModal = document.getElementById('document-modal');
  var docForm = document.getElementById('document-form');
  var dateInput = document.getElementById('id_issue_date');
  if (v.date === 'native') {
    dateInput.type = 'date';
    dateInput.removeAttribute('placeholder');
    dateInput.removeAttribute('maxlength');
  }

  function openDocument(id, done) {
    docForm.reset();
    C.clearErrors(docForm);
    document.getElementById('id_child').value = id;
    childLine(docModal, id);
    C.openModal(docModal, done);
  }

  function parseDate(s) {
    var m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
    if (v.date === 'native') {
      var n = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      m = n && [n[0], n[3], n[2], n[1]];
    }
    if (!m) return null;
    var d = new Date(Number(m[3]), Number(m[2]) - 1, Number(m[1]));
    if (d.getDate() !== Number(m[1]) || d.getMonth() !== Number(m[2]) - 1 || Number(m[3]) < 1900) return null;
    return m[1] + '.' + m[2] + '.' + m[3];
  }

  docForm.addEventListener('submit', function (e) {
    e.preventDefault();
    C.clearErrors(docForm);
    var f = docForm.elements;
    var ok = true;
    function need(el, cond, text) {
      if (!cond) {
        C.fieldError(el.closest('.field'), text || 'Обязательное поле.');
        ok = false;
      }
    }
    need(f.doc_type, f.doc_type.value !== '');
    need(f.series, f.series.value.trim() !== '');
    need(f.number, f.number.value.trim() !== '');
    var date = parseDate(f.issue_date.value.trim());
    if (f.issue_date.value.trim() === '') need(f.issue_date, false);
    else need(f.issue_date, !!date, 'Введите правильную дату.');
    need(f.issued_by, f.issued_by.value.trim() !== '');
    need(f.file, f.file.files && f.file.files.length > 0);
    if (!ok) return;
    var id = f.child.value;
    var saveBtn = docModal.querySelector('button[type=submit]');
    saveBtn.classList.add('loading');
    setTimeout(function () {
      saveBtn.classList.remove('loading');
      var type = C.DOC_TYPES.filter(function (t) { return t.value === f.doc_type.value; })[0];
      var cs = C.childState(id);
      cs.documents.push({
        id: 'd' + (cs.documents.length + 1),
        type: type.value,
        typeLabel: type.label,
        series: f.series.value.trim(),
        number: f.number.value.trim(),
        issuedAt: date,
        issuedBy: f.issued_by.value.trim(),
        fileName: f.file.files[0].name, // the file itself is not kept
      });
      C.save();
      C.closeModal(docModal, renderChildren);
    }, 400);
  });

  // ---------- e-mail modal ----------
  var emailModal = document.getElementById('email-modal');
  var emailForm = document.getElementById('email-form');
  var emailInput = document.getElementById('id_email');

  function openEmail(id, value, done) {
    emailForm.reset();
    C.clearErrors(emailForm);
    emailInput.value = value || '';
    childLine(emailModal, id);
    C.openModal(emailModal, done);
  }

  /** @returns true when the e-mail is acceptable, else shows the portal's error. */
  function checkEmail() {
    C.clearErrors(emailForm);
    var val = emailInput.value.trim();
    var field = emailInput.closest('.field');
    if (!val) {
      C.fieldError(field, 'Укажите адрес электронной почты');
      return false;
    }
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(val)) {
      C.fieldError(field, 'Введите корректный адрес электронной почты');
      return false;
    }
    return true;
  }

  emailForm.addEventListener('submit', function (e) {
    e.preventDefault();
    if (!checkEmail()) return;
    var id = emailModal.getAttribute('data-child');
    var btn = emailModal.querySelector('button[type=submit]');
    btn.classList.add('loading');
    setTimeout(function () {
      btn.classList.remove('loading');
      var req = {
        email: emailInput.value.trim(),
        token: id + '-' + Math.random().toString(36).slice(2, 12),
        sentAt: C.nowString(),
        confirmed: false,
      };
      C.childState(id).request = req;
      C.state.letters.push(C.letterFor(C.childById(id), req));
      C.save();
      delete notices[id];
      C.closeModal(emailModal, renderChildren);
    }, 500);
  });

  // ---------- certificate modal ----------
  var certModal = document.getElementById('certificate-modal');
  var certForm = document.getElementById('certificate-form');
  var groupSel = document.getElementById('id_cert_group');
  var docSel = document.getElementById('id_document');
  var certBtn = document.getElementById('get-certificate-btn');
  certBtn.innerHTML = C.caps('Получить сертификат');
  if (v.star === 'css') {
    Array.prototype.forEach.call(certForm.querySelectorAll('.req-star'), function (s) { s.remove(); });
    Array.prototype.forEach.call(certForm.querySelectorAll('[data-required]'), function (f) { f.classList.add('required'); });
  }

  function updateCertBtn() {
    if (v.certbtn !== 'disabled') return;
    var off = !groupSel.value || !docSel.value;
    certBtn.disabled = off;
    certBtn.classList.toggle('disabled', off);
  }
  groupSel.addEventListener('change', function () {
    C.clearErrors(certForm);
    updateCertBtn();
  });
  docSel.addEventListener('change', function () {
    C.clearErrors(certForm);
    updateCertBtn();
  });

  function openCertificate(id, done) {
    var cs = C.childState(id);
    groupSel.innerHTML = '<option value="" selected>---------</option>' + C.CERT_GROUPS.map(function (g) {
      return '<option value="' + g.value + '">' + C.esc(g.label) + '</option>';
    }).join('');
    docSel.innerHTML = '<option value="" selected>---------</option>' + cs.documents.map(function (d) {
      return '<option value="' + d.id + '">' + C.esc(C.docLabel(d, true)) + '</option>';
    }).join('');
    C.clearErrors(certForm);
    certBtn.classList.remove('loading');
    childLine(certModal, id);
    updateCertBtn();
    C.openModal(certModal, done);
  }

  certForm.addEventListener('submit', function (e) {
    e.preventDefault();
    C.clearErrors(certForm);
    var ok = true;
    if (!groupSel.value) {
      C.fieldError(groupSel.closest('.field'), 'Обязательное поле.');
      ok = false;
    }
    if (!docSel.value) {
      C.fieldError(docSel.closest('.field'), 'Обязательное поле.');
      ok = false;
    }
    if (!ok) return;
    var id = certModal.getAttribute('data-child');
    var child = C.childById(id);
    var cs = C.childState(id);
    var doc = cs.documents.filter(function (d) { return d.id === docSel.value; })[0];
    var group = C.CERT_GROUPS.filter(function (g) { return g.value === groupSel.value; })[0];
    certBtn.classList.add('loading');
    setTimeout(function () {
      cs.certificate = {
        number: child.certNumber,
        group: group.label,
        documentLabel: C.docLabel(doc, true),
        created: C.nowString(),
        status: 'Не активирован',
      };
      C.save();
      C.go('/services/dop/certificate/' + child.certNumber + '/');
    }, 700);
  });

  // ---------- dialogs addressable by URL (?open=document|email|certificate) ----------
  var open = q.get('open');
  var kids = C.children();
  function pick(pred) {
    var want = q.get('child');
    if (want && C.childById(want)) return want;
    var c = kids.filter(function (k) { return pred(C.childState(k.id)); })[0];
    return (c || kids[0]).id;
  }
  var openId = null;
  if (open === 'document') {
    openId = pick(function (s) { return !s.documents.length; });
  } else if (open === 'email') {
    openId = pick(function (s) { return s.documents.length && !s.request; });
    // The dialog needs a document: imply the state «document-saved» for this child.
    var es = C.childState(openId);
    if (!es.documents.length) es.documents.push(Object.assign({ id: 'd1' }, C.PRESET_DOCUMENT));
    if (es.request && !es.request.confirmed) es.request = null;
    C.save();
  } else if (open === 'certificate') {
    openId = pick(function (s) { return s.request && s.request.confirmed && !s.certificate; });
    // The dialog needs a confirmed request: imply the state «confirmed» for this child.
    var ss = C.childState(openId);
    if (!ss.documents.length) ss.documents.push(Object.assign({ id: 'd1' }, C.PRESET_DOCUMENT));
    if (!ss.request) ss.request = { email: C.PRESET_EMAIL, token: openId + '-replica', sentAt: C.nowString(), confirmed: true };
    ss.request.confirmed = true;
    ss.certificate = null;
    C.save();
  }

  function afterLoad() {
    renderChildren();
    if (open === 'document') openDocument(openId, C.ready);
    else if (open === 'email') {
      var err = q.get('error');
      openEmail(openId, err === 'invalid' ? 'roditel.example.com' : '', function () {
        if (err === 'missing' || err === 'invalid') checkEmail();
        C.ready();
      });
    } else if (open === 'certificate') openCertificate(openId, C.ready);
    else C.ready();
  }

  if (v.delay > 0) setTimeout(afterLoad, v.delay);
  else afterLoad();
})();

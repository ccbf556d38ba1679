/* The admin's answer when the media storage cannot take an upload (website/media_errors.py):
 * a 507/503 with JSON {"success": false, "error_code": "storage_...", "error_message": "..."}.
 * Wagtail's multiple uploaders show only the status of a failed request ("Server Error ... 507"),
 * and its chooser modals a generic error: show the message itself, in the editor's language. */
(function () {
  'use strict';

  function storageErrorMessage(xhr) {
    var data;
    try {
      data = JSON.parse(xhr.responseText);
    } catch (error) {
      return null;
    }
    if (!data || typeof data.error_code !== 'string' || data.error_code.indexOf('storage_') !== 0) {
      return null;
    }
    return data.error_message || null;
  }

  function init() {
    if (!window.jQuery) {
      return;
    }
    var $ = window.jQuery;
    // jQuery's global ajaxError comes after the request's own failure callbacks.
    $(document).on('ajaxError', function (event, xhr, options) {
      var message = storageErrorMessage(xhr);
      if (!message) {
        return;
      }
      // The multiple uploaders: the row of this file (the request's context) says why it failed.
      var row = options && options.context ? $(options.context).closest('#upload-list > li') : $();
      if (row.length) {
        row.removeClass('upload-server-error').addClass('upload-failure');
        row.find('.error_messages').first().text(message);
        return;
      }
      // A chooser modal's upload form: replace its generic "Server Error" line.
      var modalErrors = $('.modal:visible .help-critical').last();
      if (modalErrors.length) {
        modalErrors.text(message);
      }
      document.dispatchEvent(
        new CustomEvent('w-messages:add', { detail: { clear: true, text: message, type: 'error' } }),
      );
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();

/* Search suggestions for the header search box, as an ARIA 1.2 combobox with a listbox popup.
   Progressive enhancement: without this script the search form submits as usual.
   The endpoint (data-suggest-url) answers {"query": "...", "suggestions": [{"title", "url"}]};
   a suggestion's optional "type_label" (News, Programme...) is shown beside its title. */
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY = 200;

  function setUp(input) {
    var endpoint = input.getAttribute("data-suggest-url");
    var form = input.form;
    if (!endpoint || !form || !window.fetch) {
      return;
    }
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-label-list") || "");
    list.hidden = true;
    input.parentNode.appendChild(list);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = "";

    function announce(text) {
      status.textContent = text || "";
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      setActive(-1);
    }

    function open() {
      if (!items.length) {
        return;
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function setActive(index) {
      var options = list.children;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        if (options[index].scrollIntoView) {
          options[index].scrollIntoView({ block: "nearest" });
        }
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function sameOrigin(url) {
      try {
        return new URL(url, window.location.href).origin === window.location.origin;
      } catch (error) {
        return false;
      }
    }

    function go(index) {
      var item = items[index];
      if (item && sameOrigin(item.url)) {
        window.location.assign(item.url);
      }
    }

    function render(suggestions) {
      items = suggestions.filter(function (item) {
        return item && item.title && item.url && sameOrigin(item.url);
      });
      list.textContent = "";
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.appendChild(document.createTextNode(item.title));
        if (item.type_label) {
          var type = document.createElement("span");
          type.className = "suggest-type";
          type.textContent = item.type_label;
          var separator = document.createElement("span");
          separator.className = "visually-hidden";
          separator.textContent = ", ";
          option.appendChild(separator);
          option.appendChild(type);
        }
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the input
        });
        option.addEventListener("click", function () {
          go(index);
        });
        list.appendChild(option);
      });
      active = -1;
      if (items.length) {
        open();
        announce(input.getAttribute("data-label-some"));
      } else {
        close();
        announce(input.getAttribute("data-label-none"));
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) {
        return;
      }
      lastQuery = query;
      if (controller) {
        controller.abort();
      }
      if (query.length < MIN_LENGTH) {
        items = [];
        list.textContent = "";
        close();
        announce("");
        return;
      }
      controller = window.AbortController ? new AbortController() : null;
      var url = endpoint + (endpoint.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
      fetch(url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query) {
            render((data && data.suggestions) || []);
          }
        })
        .catch(function () {
          /* network error or aborted: the plain search still works */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden;
      switch (event.key) {
        case "ArrowDown":
        case "Down":
          if (!items.length) {
            return;
          }
          event.preventDefault();
          if (!expanded) {
            open();
            setActive(0);
          } else {
            setActive(active + 1 >= items.length ? 0 : active + 1);
          }
          break;
        case "ArrowUp":
        case "Up":
          if (!items.length) {
            return;
          }
          event.preventDefault();
          if (!expanded) {
            open();
            setActive(items.length - 1);
          } else {
            setActive(active <= 0 ? items.length - 1 : active - 1);
          }
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
        case "Esc":
          if (expanded) {
            event.preventDefault();
            close();
          }
          break;
        case "Tab":
          close();
          break;
      }
    });

    input.addEventListener("blur", function () {
      close();
    });

    input.addEventListener("focus", function () {
      if (items.length && input.value.trim() === lastQuery) {
        open();
      }
    });
  }

  function start() {
    var input = document.getElementById("site-search");
    if (input) {
      setUp(input);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

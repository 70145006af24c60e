/* `/` and `/authorize`: the server sends the browser to the login app (query kept for variants). */
SGO.go('/authorize/login' + location.search, { replace: true });

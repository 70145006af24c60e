/* `/` and `/authorize`: the server sends the browser to the login app (query kept for variants). */
location.replace('/authorize/login' + location.search);

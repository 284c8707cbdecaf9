// Starts GraphiQL against the gateway that served the page, as the person signed in on the dashboard: its token
// (localStorage, same origin) goes with every request, unless it has expired. Behind a proxy that adds the
// Authorization header itself, the page keeps no token and the proxy's header is used.
/* global YogaGraphiQL */
function dashboardToken() {
  try {
    const token = localStorage.getItem('samsyn.token');
    if (!token) return null;
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now() ? null : { token, name: String(claims.name ?? '') };
  } catch {
    return null;
  }
}

const signedIn = dashboardToken();
const hint = signedIn
  ? `# Frågorna skickas som ${signedIn.name.replace(/\n/g, ' ')}, inloggad i instrumentpanelen (/dashboard/).\n# Logga in som någon annan där och ladda om den här sidan för att byta.`
  : '# Inte inloggad: publicerade dokument går att fråga efter ändå.\n# Logga in i instrumentpanelen (/dashboard/#/logga-in) och ladda om sidan, eller lägg till en Authorization-header nedan.';

YogaGraphiQL.renderYogaGraphiQL(document.getElementById('graphiql'), {
  endpoint: new URL('/graphql', location.href).href,
  title: 'Samsyn GraphiQL',
  additionalHeaders: signedIn ? { Authorization: `Bearer ${signedIn.token}` } : {},
  defaultQuery: `# Samsyn: ett API för stadens plattformsarbete.\n${hint}\n{\n  areas {\n    area\n    name\n  }\n  districts {\n    code\n    name\n  }\n}\n`,
});

// Starts GraphiQL against the gateway that served the page.
/* global YogaGraphiQL */
YogaGraphiQL.renderYogaGraphiQL(document.getElementById('graphiql'), {
  endpoint: new URL('/graphql', location.href).href,
  title: 'Samsyn GraphiQL',
  defaultQuery:
    '# Samsyn: ett API för stadens plattformsarbete.\n# Logga in i instrumentpanelen (/dashboard/) eller lägg till en Authorization-header nedan.\n{\n  areas {\n    area\n    name\n  }\n  districts {\n    code\n    name\n  }\n}\n',
});

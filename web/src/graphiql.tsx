// The GraphiQL playground at /graphiql, bundled from npm: nothing is loaded
// from another host. The README's examples are offered as tabs.
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import './graphiql-page.css';
import examples from 'virtual:readme-examples';

const fetcher = createGraphiQLFetcher({ url: '/graphql' });
const tabs = examples.map((query) => ({ query }));

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} defaultTabs={tabs} defaultEditorToolsVisibility={false} />,
);

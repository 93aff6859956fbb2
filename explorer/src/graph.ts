import cytoscape from 'cytoscape';
import type { PartyNetworkQuery } from './generated/graphql';

type Network = PartyNetworkQuery['conflictNetwork'];

const COLORS: Record<string, string> = { Company: '#1f5fa8', Person: '#a0522d', Authority: '#2e7d32' };

/**
 * Draws a conflict network with cytoscape.js (bundled, no CDN): parties as nodes coloured by
 * kind, the center larger, links labelled by kind; activating a node calls `open(slug)`.
 */
export function drawNetwork(container: HTMLElement, network: Network, centerSlug: string, open: (slug: string) => void): cytoscape.Core {
  const cy = cytoscape({
    container,
    elements: [
      ...network.nodes.map((node) => ({
        data: {
          id: node.id,
          slug: node.party.slug,
          label: node.party.name,
          kind: node.party.__typename,
          distance: node.distance,
          center: node.party.slug === centerSlug ? 1 : 0,
        },
      })),
      ...network.edges.map((edge, i) => ({ data: { id: `e${i}`, source: edge.from, target: edge.to, label: edge.kind.replace(/_/g, ' ').toLowerCase() } })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'background-color': (el: cytoscape.NodeSingular) => COLORS[el.data('kind')] ?? '#555',
          color: '#111',
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'wrap',
          'text-max-width': '110px',
          width: 22,
          height: 22,
        },
      },
      { selector: 'node[center = 1]', style: { width: 36, height: 36, 'border-width': 3, 'border-color': '#f2a900', 'font-weight': 'bold' } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': '#9aa5b1',
          'target-arrow-color': '#9aa5b1',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          label: 'data(label)',
          'font-size': 8,
          color: '#52606d',
          'text-rotation': 'autorotate',
          'text-background-color': '#fff',
          'text-background-opacity': 0.8,
        },
      },
    ],
    // Rings by distance from the center: deterministic, and readable at phone width.
    layout: {
      name: 'concentric',
      concentric: (node: cytoscape.NodeSingular) => 10 - Number(node.data('distance')),
      levelWidth: () => 1,
      minNodeSpacing: 45,
      animate: false,
      fit: true,
      padding: 30,
    },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (event) => open(event.target.data('slug')));
  cy.on('mouseover', 'node', () => (container.style.cursor = 'pointer'));
  cy.on('mouseout', 'node', () => (container.style.cursor = ''));
  return cy;
}

// The moves between the stations in a period as a flow diagram (recharts Sankey): the stations the customers came
// from on the left, those they went to on the right, each band as wide as the number of moves. Two columns, so a
// customer who returns to a station (support → usage → support) draws no loop.
import { Rectangle, Sankey, Tooltip, type SankeyNodeProps } from 'recharts'
import type { JourneyMap, MapStation } from '../../../../shared/modules/journey'
import { useI18n } from '../../lib/i18n'

/** The --brand colour of styles.css and a softer one for the bands (recharts takes colours as values). */
const NODE_COLOUR = '#0b5c8a'
const LEFT_COLOUR = '#9a5b00'
const LINK_COLOUR = '#0b5c8a'

interface FlowNode {
  name: string
  station: MapStation
  side: 'from' | 'to'
}

export function JourneyFlow({ transitions }: { transitions: JourneyMap['transitions'] }) {
  const { t, number, enumLabel } = useI18n()
  if (transitions.length === 0) return <p className="muted">{t('journeyMap.flowEmpty')}</p>
  const label = (s: MapStation) => (s === 'left' ? t('journeyMap.left') : enumLabel('station', s))
  const nodes: FlowNode[] = []
  const index = new Map<string, number>()
  const nodeOf = (station: MapStation, side: FlowNode['side']) => {
    const key = `${side}:${station}`
    if (!index.has(key)) {
      index.set(key, nodes.length)
      nodes.push({ station, side, name: t(side === 'from' ? 'journeyMap.flowFrom' : 'journeyMap.flowTo', { station: label(station) }) })
    }
    return index.get(key)!
  }
  for (const tr of transitions) nodeOf(tr.from, 'from')
  for (const tr of transitions) nodeOf(tr.to, 'to')
  const links = transitions.map((tr) => ({ source: nodeOf(tr.from, 'from'), target: nodeOf(tr.to, 'to'), value: tr.count }))
  const Node = (props: SankeyNodeProps) => {
    const node = nodes[props.index]!
    const from = node.side === 'from'
    return (
      <g>
        <Rectangle x={props.x} y={props.y} width={props.width} height={props.height} fill={node.station === 'left' ? LEFT_COLOUR : NODE_COLOUR} />
        <text x={from ? props.x + props.width + 8 : props.x - 8} y={props.y + props.height / 2} dy="0.35em" textAnchor={from ? 'start' : 'end'} className="journey-flow__label">
          {node.name} ({number(Number(props.payload.value))})
        </text>
      </g>
    )
  }
  return (
    <figure className="chart journey-flow">
      <Sankey
        width="100%" height={Math.max(260, nodes.length * 42)} data={{ nodes, links }} node={Node} nodePadding={18} nodeWidth={12} sort={false}
        link={{ stroke: LINK_COLOUR, strokeOpacity: 0.25 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} role="img" aria-label={t('journeyMap.flow')}
      >
        <Tooltip isAnimationActive={false} formatter={(value) => number(Number(value))} />
      </Sankey>
    </figure>
  )
}

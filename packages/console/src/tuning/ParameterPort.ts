/**
 * Another node's parameters, as `ros2 param list/get/describe/set` reach them: the graph's
 * remote parameter client (`node.createParameterClient('gesture')`), which works in one process
 * and across processes alike. The console only needs this much of it.
 */
import type { ParameterClient } from '@hearth/graph';

export type ParameterPort = Pick<
  ParameterClient,
  | 'remoteNodeName'
  | 'waitForNode'
  | 'getParameters'
  | 'describeParameters'
  | 'setParameters'
  | 'onParametersChanged'
>;

import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { TableSpec } from '../../shared/adapters/dynamodb/tables.ts';

/** Reads the adapters perform: key look-ups and index queries (never Scan, DESIGN §5). */
const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
/** Writes the adapters perform: single conditional writes and idempotent batches. */
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/**
 * Lets `grantee` read `table` and query exactly the indexes of its spec. Unlike Table.grantReadData, this names
 * each index ARN instead of `index/*`, and leaves out Scan.
 */
export function grantTableRead(grantee: IGrantable, table: ITable, spec: TableSpec): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: READ_ACTIONS,
      resources: [
        table.tableArn,
        ...spec.indexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
      ],
    }),
  );
}

/** {@link grantTableRead} plus item writes on the table itself. */
export function grantTableReadWrite(grantee: IGrantable, table: ITable, spec: TableSpec): void {
  grantTableRead(grantee, table, spec);
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: WRITE_ACTIONS, resources: [table.tableArn] }),
  );
}

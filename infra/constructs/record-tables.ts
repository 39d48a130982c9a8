import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_SPECS, type TableNames, type TableSpec } from '../../shared/adapters/dynamodb/tables.ts';

/** The tenants, reports and scores tables, defined from TABLE_SPECS so the key design lives in one module. */
export class RecordTables extends Construct {
  public readonly tenants: Table;
  public readonly reports: Table;
  public readonly scores: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.tenants = tableFromSpec(this, 'Tenants', TABLE_SPECS.tenants);
    this.reports = tableFromSpec(this, 'Reports', TABLE_SPECS.reports);
    this.scores = tableFromSpec(this, 'Scores', TABLE_SPECS.scores);
  }

  /** Generated physical names, in the shape the adapters and Lambda environments take. */
  get names(): TableNames {
    return {
      tenants: this.tenants.tableName,
      reports: this.reports.tableName,
      scores: this.scores.tableName,
    };
  }
}

function tableFromSpec(scope: Construct, id: string, spec: TableSpec): Table {
  const table = new Table(scope, id, {
    partitionKey: { name: spec.partitionKey, type: AttributeType.STRING },
    sortKey: { name: spec.sortKey, type: AttributeType.STRING },
    // On demand: report volume is bursty (a feedback loop can dump thousands at once) and mostly idle.
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: TableEncryption.AWS_MANAGED,
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    ...(spec.ttlAttribute !== undefined ? { timeToLiveAttribute: spec.ttlAttribute } : {}),
  });
  for (const index of spec.indexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
  }
  return table;
}
